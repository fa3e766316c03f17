import type { Language } from '../../detectors/facts.js';
import type { ServiceFiles } from '../project/service-files.js';
import type { DockerfileTemplate } from './define.js';
import { dotnetTemplate } from './dotnet.js';
import { goTemplate } from './go.js';
import { gradleTemplate } from './gradle.js';
import { mavenTemplate } from './maven.js';
import { nodeTemplate } from './node.js';
import { phpTemplate } from './php.js';
import { pythonTemplate } from './python.js';
import { rubyTemplate } from './ruby.js';
import { rustTemplate } from './rust.js';

/** Sorted by id. */
export const DOCKERFILE_TEMPLATES: readonly DockerfileTemplate[] = [
  dotnetTemplate, goTemplate, gradleTemplate, mavenTemplate, nodeTemplate, phpTemplate, pythonTemplate, rubyTemplate, rustTemplate,
];

/** Which templates may build a service of each language, first fit wins; an empty list means "none yet". */
const TEMPLATES_BY_LANGUAGE = {
  javascript: [nodeTemplate], typescript: [nodeTemplate], python: [pythonTemplate], go: [goTemplate],
  java: [mavenTemplate, gradleTemplate], kotlin: [gradleTemplate, mavenTemplate], scala: [], csharp: [dotnetTemplate], fsharp: [dotnetTemplate],
  rust: [rustTemplate], ruby: [rubyTemplate], php: [phpTemplate], elixir: [], erlang: [], dart: [], swift: [], c: [], cpp: [], shell: [], unknown: [],
} satisfies Record<Language, readonly DockerfileTemplate[]>;

export function templateFor(files: ServiceFiles): DockerfileTemplate | undefined {
  const candidates: readonly DockerfileTemplate[] = TEMPLATES_BY_LANGUAGE[files.service.language];
  return candidates.find((template) => template.fits(files));
}
