import type { CiActivity } from '../facts.js';
import { configsOf, type CiProvider } from './provider.js';
import { finishPipeline, type DraftJob } from './jobs.js';
import { classifyScript, type ScriptLine } from './commands.js';
import type { ScriptFiles } from './activity.js';
import { groovyString, scanGroovy } from './jenkins-scan.js';
import { resolveScriptPath } from './shell-paths.js';

// https://www.jenkins.io/doc/book/pipeline/syntax/ and https://www.jenkins.io/doc/book/pipeline/docker/
export const JENKINS_FILES = ['**/Jenkinsfile', '**/Jenkinsfile.*', '**/*.jenkinsfile'];
const JENKINSFILE = /(?:^|\/)(?:Jenkinsfile(?:\.[\w.-]+)?|[\w.-]+\.jenkinsfile)$/i;
const NOT_A_JENKINSFILE = /\.(?:md|txt|bak|orig|png|svg)$/i;

const STAGE = /\bstage\s*\(\s*(?:name\s*:\s*)?(['"])(.*?)\1/;
const FLAT_STAGE = /^\s*stage\s+(['"])(.*?)\1\s*$/;
const DIR = /\bdir\s*\(\s*(['"])(.*?)\1\s*\)\s*\{/;
const SHELL_STEP = /\b(?:sh|bat|pwsh|powershell)\s*\(?\s*(?:script\s*:\s*)?('''|"""|'|")((?:\\.|(?!\1).)*)\1/g;
const DOCKER_BUILD = /(?:(?:def\s+)?(\w+)\s*=\s*)?docker\.build\s*\(\s*(['"])(.*?)\2(?:\s*,\s*(['"])(.*?)\4)?/;
const REGISTRY = /\bdocker\.withRegistry\s*\(|\bwithDockerRegistry\s*[([]/;
const VARIABLE_CALL = /\b(\w+)\.(push|inside)\b/g;
const IMAGE_CALL = /\bdocker\.image\s*\(\s*(['"])(.*?)\1\s*\)\s*\.(push|inside)\b/;
const FIELD = /\b(filename|dir|image)\s+(['"])(.*?)\2/g;

interface Scope {
  kind: 'stage' | 'dir' | 'dockerfile-agent' | 'docker-agent';
  /** Brace depth the scope's block opens from; it ends when the depth comes back to it. */
  depth: number;
  opened: boolean;
  line: number;
  draft?: DraftJob;
  cwd?: string | undefined;
  fields?: Record<string, { value: string; line: number }>;
}

export const jenkins: CiProvider = (snapshot) => {
  // Both patterns look at the name only.
  const paths = snapshot.filesNamedLike((name) => JENKINSFILE.test(name) && !NOT_A_JENKINSFILE.test(name));
  const jobs = paths.flatMap((path) => {
    const text = snapshot.text(path);
    return text === undefined ? [] : finishPipeline(jenkinsfileDrafts(path, text, snapshot));
  });
  return { configs: configsOf('jenkins', paths), jobs };
};

/** One job per stage (by its name), plus `pipeline` for what runs outside any stage. */
function jenkinsfileDrafts(path: string, text: string, files: ScriptFiles): DraftJob[] {
  const { code, scripts } = scanGroovy(text);
  const scriptsAt = new Map(scripts.map((script) => [script.line, script.lines]));
  const drafts: DraftJob[] = [];
  const scopes: Scope[] = [];
  const images = new Map<string, string>();
  const topLine = code.find((line) => /^\s*(?:pipeline|node)\b/.test(line.code))?.line;
  const pipeline: DraftJob = { system: 'jenkins', file: path, job: 'pipeline', line: topLine, activities: [] };
  let flatStage: DraftJob | undefined;
  const newDraft = (name: string, line: number): DraftJob => {
    const draft: DraftJob = { system: 'jenkins', file: path, job: name, line, activities: [] };
    drafts.push(draft);
    return draft;
  };
  const innermost = (...kinds: Array<Scope['kind']>) => [...scopes].reverse().find((scope) => kinds.includes(scope.kind));
  const cwd = () => (innermost('dir') ? innermost('dir')!.cwd : '.');
  const add = (activities: CiActivity[]) => (innermost('stage')?.draft ?? flatStage ?? pipeline).activities.push(...activities);
  const at = (line: number) => ({ path, line });
  const shell = (lines: ScriptLine[]) => add(classifyScript(lines, { path, cwd: cwd(), files }));

  for (const line of code) {
    const { code: text, line: number } = line;
    const stage = STAGE.exec(text);
    if (stage) scopes.push({ kind: 'stage', depth: line.depthBefore, opened: false, line: number, draft: newDraft(groovyString(stage[2]!), number) });
    const flat = FLAT_STAGE.exec(text);
    if (flat) flatStage = newDraft(groovyString(flat[2]!), number);
    const dir = DIR.exec(text);
    if (dir) scopes.push({ kind: 'dir', depth: line.depthBefore, opened: false, line: number, cwd: resolveScriptPath(groovyString(dir[2]!), cwd()) });
    if (/\bdockerfile\s+true\b/.test(text)) add(dockerfileAgent(at(number), undefined, undefined));
    if (/\bdockerfile\s*\{/.test(text)) scopes.push({ kind: 'dockerfile-agent', depth: line.depthBefore, opened: false, line: number, fields: {} });
    if (/\bdocker\s*\{/.test(text)) scopes.push({ kind: 'docker-agent', depth: line.depthBefore, opened: false, line: number, fields: {} });
    const agentShort = /\bdocker\s+(['"])(.+?)\1/.exec(text);
    if (agentShort && !/\bdocker\s*\./.test(text)) add([{ kind: 'job-image', confidence: 'weak', tool: 'agent docker', image: groovyString(agentShort[2]!), ...at(number) }]);
    const agent = innermost('dockerfile-agent', 'docker-agent');
    for (const field of agent ? text.matchAll(FIELD) : []) agent!.fields![field[1]!] = { value: groovyString(field[3]!), line: number };

    for (const step of text.matchAll(SHELL_STEP)) shell([{ text: groovyString(step[2]!), line: number }]);
    const script = scriptsAt.get(number);
    if (script) shell(script);
    add(dockerSteps(text, at(number), images, cwd()));

    for (const scope of scopes) if (line.maxDepth > scope.depth) scope.opened = true;
    while (scopes.length > 0 && scopes.at(-1)!.opened && line.depthAfter <= scopes.at(-1)!.depth) closeScope(scopes.pop()!, add, path);
  }
  return pipeline.activities.length > 0 ? [pipeline, ...drafts] : drafts;
}

/** The Docker Pipeline plugin: `docker.build`, `.push()`, `.inside {}`, `docker.withRegistry`. */
function dockerSteps(text: string, place: { path: string; line: number }, images: Map<string, string>, cwd: string | undefined): CiActivity[] {
  const activities: CiActivity[] = [];
  const build = DOCKER_BUILD.exec(text);
  if (build) {
    const image = groovyString(build[3]!);
    if (build[1]) images.set(build[1], image);
    // docker.build(image, args) runs `docker build -t image args`, args ending with the context (default `.`).
    const args = build[5] === undefined ? '.' : groovyString(build[5]);
    const synthetic = classifyScript([{ text: `docker build -t "${image}" ${args}`, line: place.line }], { path: place.path, cwd });
    activities.push(...synthetic.map((activity) => ({ ...activity, tool: 'docker.build' })));
  }
  if (REGISTRY.test(text)) activities.push({ kind: 'registry-login', confidence: 'strong', tool: 'docker.withRegistry', ...place });
  for (const call of text.matchAll(VARIABLE_CALL)) {
    const image = images.get(call[1]!);
    if (image === undefined) continue;
    if (call[2] === 'push') activities.push({ kind: 'image-push', confidence: 'strong', tool: 'docker.image.push', image, ...place });
    else activities.push({ kind: 'test-in-image', confidence: 'strong', tool: 'docker.image.inside', image, ...place });
  }
  const imageCall = IMAGE_CALL.exec(text);
  if (imageCall) {
    const image = groovyString(imageCall[2]!);
    if (imageCall[3] === 'push') activities.push({ kind: 'image-push', confidence: 'strong', tool: 'docker.image.push', image, ...place });
    // An image from elsewhere is a job image; the pipeline's own build makes it a test in that image.
    else activities.push({ kind: 'job-image', confidence: 'weak', tool: 'docker.image.inside', image, ...place });
  }
  if (build && /\.push\s*\(/.test(text.slice(build.index)) && !build[1]) {
    activities.push({ kind: 'image-push', confidence: 'strong', tool: 'docker.image.push', image: groovyString(build[3]!), ...place });
  }
  return activities;
}

function closeScope(scope: Scope, add: (activities: CiActivity[]) => void, path: string): void {
  const fields = scope.fields ?? {};
  if (scope.kind === 'dockerfile-agent') add(dockerfileAgent({ path, line: scope.line }, fields.dir?.value, fields.filename?.value));
  if (scope.kind === 'docker-agent' && fields.image) {
    add([{ kind: 'job-image', confidence: 'weak', tool: 'agent docker', image: fields.image.value, path, line: fields.image.line }]);
  }
}

/** `agent { dockerfile … }` builds the image from `dir/filename` and runs the stage inside it. */
function dockerfileAgent(place: { path: string; line: number }, dir: string | undefined, filename: string | undefined): CiActivity[] {
  const context = resolveScriptPath(dir ?? '.', '.');
  const dockerfile = context === undefined ? undefined : resolveScriptPath(filename ?? 'Dockerfile', context);
  return [
    { kind: 'image-build', confidence: 'strong', tool: 'agent dockerfile', context, dockerfile, pushes: false, ...place },
    { kind: 'test-in-image', confidence: 'strong', tool: 'agent dockerfile', context, dockerfile, ...place },
  ];
}
