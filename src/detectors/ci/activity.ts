import type { CiActivity, CiActivityKind, Confidence } from '../facts.js';
import type { SimpleCommand } from './shell-command.js';
import { isTestName } from './names.js';

/** An activity before it is given the place it is written. */
export type Found = Omit<CiActivity, 'path' | 'line'>;

/** What a script changes for the commands after it. */
export interface ShellState {
  /** Repo-relative directory commands run in; undefined after a `cd` we cannot follow. */
  cwd: string | undefined;
  /** Docker commands talk to another host (`DOCKER_HOST=ssh://…`, `docker context use prod`, an ssh heredoc). */
  remote: boolean;
}

export type CommandMatcher = (command: SimpleCommand, state: ShellState) => Found[];

export function found(kind: CiActivityKind, tool: string, extra: Partial<Found> = {}, confidence: Confidence = 'strong'): Found {
  return { kind, confidence, tool, ...definedOnly(extra) };
}

export interface ImageBuild {
  tool: string;
  context?: string;
  dockerfile?: string;
  image?: string;
  pushes: boolean;
  /** `--target test`: the build runs the test stage, so tests run inside the image. */
  target?: string;
  confidence?: Confidence;
}

/** An image build, plus a test-in-image when it builds a test stage. */
export function imageBuild(build: ImageBuild): Found[] {
  const { tool, context, dockerfile, image, pushes, target, confidence = 'strong' } = build;
  const activities = [found('image-build', tool, { context, dockerfile, image, pushes }, confidence)];
  if (target && isTestName(target)) activities.push(found('test-in-image', tool, { context, dockerfile, image }, confidence));
  return activities;
}

function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
