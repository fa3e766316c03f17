import type { CiActivity, CiActivityKind, Confidence, Location } from '../facts.js';
import type { SimpleCommand } from './shell-command.js';
import { isTestName } from './names.js';

/**
 * An activity before it is given the place it is written. One read out of a followed script
 * (`./ci/build.sh`, a Makefile target) already has its place: that file and line.
 */
export type Found = Omit<CiActivity, 'path' | 'line'> & Partial<Location>;

/** Files of the repository a script may call (`./ci/build.sh`, `make image`); a RepoSnapshot is one. */
export interface ScriptFiles {
  text(path: string): string | undefined;
}

/** What a script changes for the commands after it. */
export interface ShellState {
  /** Repo-relative directory commands run in; undefined after a `cd` we cannot follow. */
  cwd: string | undefined;
  /** Docker commands talk to another host (`DOCKER_HOST=ssh://…`, `docker context use prod`, an ssh heredoc). */
  remote: boolean;
  /**
   * Environment the cluster credentials point at (`kubectl config use-context staging`,
   * `aws eks update-kubeconfig --name staging-eks`): deploys after it without their own go there.
   */
  environment?: string;
  /** Where called scripts, Makefiles and tool configs (skaffold.yaml, Earthfile) are read from. */
  files?: ScriptFiles;
  /** Inside a script CI calls: the scripts it calls in turn are judged by name only (one level). */
  followed?: boolean;
}

export type CommandMatcher = (command: SimpleCommand, state: ShellState) => Found[];

/** `extra`'s fields that are set go in: an activity never carries `undefined` (reports and tests compare them whole). */
export function found(kind: CiActivityKind, tool: string, extra: Partial<Found> = {}, confidence: Confidence = 'strong'): Found {
  const activity: Record<string, unknown> = { kind, confidence, tool };
  for (const key of Object.keys(extra)) {
    const value = extra[key as keyof Found];
    if (value !== undefined) activity[key] = value;
  }
  return activity as unknown as Found;
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
