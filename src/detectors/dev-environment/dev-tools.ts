import type { DetectorContext } from '../define.js';
import { yamlSyntaxFindings } from '../../findings/yaml-syntax.js';
import type { ComposeFileFact, Evidence, EvidenceArgs } from '../facts.js';
import type { ParsedYaml } from '../../parsers/yaml.js';
import { baseName, dirOf } from '../../snapshot/paths.js';
import { isDevComposeFile } from '../compose/names.js';
import { isRecord } from '../../parsers/record.js';

interface DevTool {
  tool: string;
  /** The file's name. */
  name: RegExp;
  /** The name of the directory it must sit in, when the file name alone is too common. */
  parent?: string;
  /** Reads the file for details; undefined when the file does not set up containers after all. */
  inspect?(yaml: ParsedYaml): { args: EvidenceArgs; line?: number } | undefined;
}

/** Tools whose configuration means "develop against containers": https://tilt.dev, https://skaffold.dev, https://www.devspace.sh, https://www.okteto.com, https://garden.io, https://www.gitpod.io, https://lando.dev, https://ddev.com. */
const DEV_TOOLS: readonly DevTool[] = [
  { tool: 'tilt', name: /^Tiltfile$/ },
  { tool: 'skaffold', name: /^skaffold\.yaml$/, inspect: skaffold },
  { tool: 'devspace', name: /^devspace\.ya?ml$/ },
  { tool: 'okteto', name: /^okteto\.ya?ml$/ },
  { tool: 'garden', name: /^(?:[\w-]+\.)?garden\.ya?ml$/ },
  { tool: 'gitpod', name: /^\.gitpod\.ya?ml$/, inspect: gitpod },
  { tool: 'lando', name: /^\.lando\.ya?ml$/ },
  { tool: 'ddev', name: /^config\.yaml$/, parent: '.ddev' },
];

function matches(devTool: DevTool, path: string): boolean {
  return devTool.name.test(baseName(path)) && (devTool.parent === undefined || baseName(dirOf(path)) === devTool.parent);
}

export const DEV_TOOL_GLOBS = [
  '**/Tiltfile', '**/skaffold.yaml', '**/devspace.{yaml,yml}', '**/okteto.{yaml,yml}', '**/*garden.{yaml,yml}',
  '**/.gitpod.{yml,yaml}', '**/.lando.{yml,yaml}', '**/.ddev/config.yaml', '**/*compose.{dev,development,local}.{yaml,yml}',
] as const;

export function devToolEvidence(context: DetectorContext, compose: readonly ComposeFileFact[]): Evidence[] {
  const evidence: Evidence[] = [];
  const candidates = context.snapshot.filesNamedLike((name) => DEV_TOOLS.some((devTool) => devTool.name.test(name)));
  for (const path of candidates) {
    const devTool = DEV_TOOLS.find((candidate) => matches(candidate, path));
    if (!devTool) continue;
    let found: { args: EvidenceArgs; line?: number } | undefined = { args: {} };
    if (devTool.inspect) {
      const yaml = context.snapshot.yaml(path);
      if (!yaml) continue; // unreadable: the snapshot reports why
      for (const finding of yamlSyntaxFindings(path, yaml.errors)) context.report(finding);
      found = yaml.errors.length > 0 ? undefined : devTool.inspect(yaml);
    }
    if (found) evidence.push({ code: 'dev-tool-config', path, line: found.line, args: { tool: devTool.tool, ...found.args }, confidence: 'strong' });
  }
  for (const file of compose) {
    if (isDevComposeFile(file.path) && file.services.length > 0) {
      evidence.push({ code: 'dev-tool-config', path: file.path, args: { tool: 'compose' }, confidence: 'strong' });
    }
  }
  return evidence;
}

/** Any skaffold.yaml counts; `artifacts` says whether `skaffold dev` has images to rebuild on change. */
function skaffold(yaml: ParsedYaml): { args: EvidenceArgs; line?: number } {
  let artifacts = 0;
  for (const document of yaml.documents) {
    const build = isRecord(document) && isRecord(document.build) ? document.build : {};
    if (Array.isArray(build.artifacts)) artifacts += build.artifacts.length;
  }
  return { args: { artifacts }, line: yaml.lineOf(['build']) };
}

/** Gitpod runs every workspace in a container; only a workspace `image` makes it the project's own. */
function gitpod(yaml: ParsedYaml): { args: EvidenceArgs; line?: number } | undefined {
  const [document] = yaml.documents;
  const image = isRecord(document) ? document.image : undefined;
  const written = typeof image === 'string' ? image : isRecord(image) && typeof image.file === 'string' ? image.file : undefined;
  return written === undefined ? undefined : { args: { image: written }, line: yaml.lineOf(['image']) };
}
