import type { Confidence } from '../facts.js';
import type { RepoSnapshot } from '../../snapshot/repo-snapshot.js';
import { baseName, unionSorted } from '../../snapshot/paths.js';
import { findLine } from '../../parsers/lines.js';
import { confidenceOfPath } from './kinds.js';
import type { OrchestrationFacts, ToolPurpose } from './types.js';

/** Configuration files of inner-loop tools, by name. Skaffold, kind, k3d and ctlptl are found by `apiVersion`. */
const CONFIG_FILES: Array<[RegExp, string, ToolPurpose]> = [
  [/^Tiltfile$/, 'tilt', 'dev-loop'],
  [/^devspace\.ya?ml$/, 'devspace', 'dev-loop'],
  [/^okteto(?:-pipeline)?\.ya?ml$/, 'okteto', 'dev-loop'],
  [/^(?:project\.)?garden\.ya?ml$|\.garden\.ya?ml$/, 'garden', 'dev-loop'],
  [/^telepresence\.ya?ml$/, 'telepresence', 'dev-loop'],
  [/^mirrord\.json$/, 'mirrord', 'dev-loop'],
];

const COMMANDS: Array<[RegExp, string, ToolPurpose]> = [
  [/\bkind\s+create\s+cluster\b/, 'kind', 'local-cluster'],
  [/\bk3d\s+cluster\s+create\b/, 'k3d', 'local-cluster'],
  [/\bminikube\s+start\b/, 'minikube', 'local-cluster'],
  [/\bctlptl\s+(?:apply|create)\b/, 'ctlptl', 'local-cluster'],
  [/\btilt\s+(?:up|ci)\b/, 'tilt', 'dev-loop'],
  [/\bskaffold\s+(?:dev|debug)\b/, 'skaffold', 'dev-loop'],
  [/\btelepresence\s+(?:connect|intercept|replace)\b/, 'telepresence', 'dev-loop'],
  [/\bdevspace\s+dev\b/, 'devspace', 'dev-loop'],
  [/\bokteto\s+up\b/, 'okteto', 'dev-loop'],
  [/\bgarden\s+(?:dev|deploy)\b/, 'garden', 'dev-loop'],
  [/\bmirrord\s+exec\b/, 'mirrord', 'dev-loop'],
];

/** Dev container features that bring a local cluster (https://containers.dev/features). */
const DEVCONTAINER_FEATURES: Array<[RegExp, string]> = [
  [/kubectl-helm-minikube/, 'minikube'],
  [/features\/k3d\b|\/k3d:/, 'k3d'],
  [/features\/kind\b|\/kind:/, 'kind'],
];

const SCRIPT_FILE = /^(?:Makefile|GNUmakefile|makefile|justfile|Justfile|Taskfile\.ya?ml|package\.json)$|\.(?:sh|bash|mk|ps1)$/;
const DOC_FILE = /^(?:README|CONTRIBUTING|DEVELOPMENT|HACKING)[\w.-]*\.(?:md|markdown|rst|adoc)$/i;
const MARKDOWN = /\.md$/i;
/** Markdown anywhere under a top-level `docs/` or `doc/`. */
const TOP_LEVEL_DOCS = /^docs?\/.*\.md$/i;
const MAX_FILES = 300;

/** Inner-loop tools and local clusters: config files (strong), scripts (medium), docs (weak). */
export function scanDevTools(snapshot: RepoSnapshot, facts: OrchestrationFacts): void {
  for (const path of snapshot.filesNamedLike((name) => CONFIG_FILES.some(([pattern]) => pattern.test(name)))) {
    const config = CONFIG_FILES.find(([pattern]) => pattern.test(baseName(path)));
    if (config) facts.tools.push({ tool: config[1], purpose: config[2], path, line: 1, confidence: confidenceOfPath(path) });
  }
  for (const path of devcontainerJsonFiles(snapshot)) {
    const text = snapshot.text(path) ?? '';
    for (const [pattern, tool] of DEVCONTAINER_FEATURES) {
      const line = findLine(text, pattern);
      if (line) facts.tools.push({ tool, purpose: 'local-cluster', path, line, confidence: 'medium' });
    }
  }
  const scripts = snapshot.filesNamedLike(SCRIPT_FILE).slice(0, MAX_FILES);
  const docs = snapshot.filesNamedLike((name) => DOC_FILE.test(name) || MARKDOWN.test(name))
    .filter((path) => DOC_FILE.test(baseName(path)) || TOP_LEVEL_DOCS.test(path))
    .slice(0, MAX_FILES);
  for (const [paths, confidence] of [[scripts, 'medium'], [docs, 'weak']] as Array<[string[], Confidence]>) {
    for (const path of paths) {
      const text = snapshot.text(path);
      if (text === undefined) continue;
      const weakest = confidenceOfPath(path) === 'weak' ? 'weak' : confidence;
      for (const [pattern, tool, purpose] of COMMANDS) {
        // Most files name no tool at all: one search of the whole text before splitting it into lines.
        const line = pattern.test(text) ? findLine(text, pattern) : undefined;
        if (line) facts.tools.push({ tool, purpose, path, line, confidence: weakest });
      }
    }
  }
}

/** `.devcontainer.json`, and any JSON file under a `.devcontainer/` directory, sorted. */
function devcontainerJsonFiles(snapshot: RepoSnapshot): string[] {
  const inDevcontainerDirs = snapshot
    .filesInDirectoriesLike((dir) => dir.includes('.devcontainer') && dir.split('/').includes('.devcontainer'))
    .filter((path) => path.endsWith('.json'));
  return unionSorted(snapshot.filesNamed('.devcontainer.json'), inDevcontainerDirs);
}
