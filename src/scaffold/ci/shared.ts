import { posix } from 'node:path';
import type { PlannedImage } from '../images.js';

/** How CI runs an image's tests, if it can tell. */
export type TestPlan =
  | { kind: 'run'; stage: string; command: string[] }
  | { kind: 'build-stage'; stage: string }
  | { kind: 'none' };

export function testPlan(image: PlannedImage): TestPlan {
  const test = image.test;
  if (test) return { kind: 'run', stage: test.stage, command: test.command };
  if (image.testStage) return { kind: 'build-stage', stage: image.testStage };
  return { kind: 'none' };
}

/** Shell lines that build the test stage and run the tests in it, with the same tag for both. */
export function testCommands(image: PlannedImage, plan: TestPlan): string[] {
  const build = (stage: string, tag?: string) => ['docker build', `--target ${stage}`, ...(tag ? [`--tag ${tag}`] : []), ...dockerfileFlag(image), contextArg(image)].join(' ');
  if (plan.kind === 'run') return [build(plan.stage, `${image.name}-test`), `docker run --rm ${image.name}-test ${plan.command.map(shellWord).join(' ')}`];
  if (plan.kind === 'build-stage') return [build(plan.stage)];
  return [];
}

/** `./services/api` as CI tools take a build context. */
export function contextPath(image: PlannedImage): string {
  return image.context === '.' ? '.' : `./${image.context}`;
}

export function contextArg(image: PlannedImage): string {
  return shellWord(contextPath(image));
}

export function dockerfileFlag(image: PlannedImage): string[] {
  const standard = image.context === '.' ? 'Dockerfile' : `${image.context}/Dockerfile`;
  return image.dockerfile === standard ? [] : [`--file ${shellWord(image.dockerfile)}`];
}

/** The Dockerfile path relative to the context, when it is not the default. */
export function dockerfileInContext(image: PlannedImage): string | undefined {
  const relative = posix.relative(image.context === '.' ? '' : image.context, image.dockerfile);
  return relative === 'Dockerfile' ? undefined : image.dockerfile;
}

export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A YAML scalar for a value from the repository: plain when safe, else double-quoted. */
export function yamlValue(value: string): string {
  return /^[\w./-][\w ./-]*$/.test(value) && !/^(?:true|false|yes|no|on|off|null|~|\d[\d.]*|\.\d[\d.]*)$/i.test(value) && !value.endsWith(' ') ? value : JSON.stringify(value);
}
