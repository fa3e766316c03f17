import type { DetectorContext } from '../define.js';
import { yamlSyntaxFindings } from '../../findings/yaml-syntax.js';
import type { ComposeFileFact, Evidence, EvidenceArgs } from '../facts.js';
import type { ParsedYaml } from '../../parsers/yaml.js';
import { baseName } from '../../snapshot/paths.js';
import { isDevComposeFile } from '../compose/names.js';
import { isRecord } from '../compose/service.js';

interface DevTool {
  tool: string;
  matches(path: string): boolean;
  /** Reads the file for details; undefined when the file does not set up containers after all. */
  inspect?(yaml: ParsedYaml): { args: EvidenceArgs; line?: number } | undefined;
}

const named = (pattern: RegExp) => (path: string) => pattern.test(baseName(path));

/** Tools whose configuration means "develop against containers": https://tilt.dev, https://skaffold.dev, https://www.devspace.sh, https://www.okteto.com, https://garden.io, https://www.gitpod.io, https://lando.dev, https://ddev.com. */
const DEV_TOOLS: readonly DevTool[] = [
  { tool: 'tilt', matches: named(/^Tiltfile$/) },
  { tool: 'skaffold', matches: named(/^skaffold\.yaml$/), inspect: skaffold },
  { tool: 'devspace', matches: named(/^devspace\.ya?ml$/) },
  { tool: 'okteto', matches: named(/^okteto\.ya?ml$/) },
  { tool: 'garden', matches: named(/^(?:[\w-]+\.)?garden\.ya?ml$/) },
  { tool: 'gitpod', matches: named(/^\.gitpod\.ya?ml$/), inspect: gitpod },
  { tool: 'lando', matches: named(/^\.lando\.ya?ml$/) },
  { tool: 'ddev', matches: (path) => /(?:^|\/)\.ddev\/config\.yaml$/.test(path) },
];

export const DEV_TOOL_GLOBS = [
  '**/Tiltfile', '**/skaffold.yaml', '**/devspace.{yaml,yml}', '**/okteto.{yaml,yml}', '**/*garden.{yaml,yml}',
  '**/.gitpod.{yml,yaml}', '**/.lando.{yml,yaml}', '**/.ddev/config.yaml', '**/*compose.{dev,development,local}.{yaml,yml}',
] as const;

export function devToolEvidence(context: DetectorContext, compose: readonly ComposeFileFact[]): Evidence[] {
  const evidence: Evidence[] = [];
  for (const path of context.snapshot.files) {
    const devTool = DEV_TOOLS.find((candidate) => candidate.matches(path));
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
