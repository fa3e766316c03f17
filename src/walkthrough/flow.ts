import type { Report, StepReport } from '../report/types.js';
import { printable } from '../formatters/sanitize.js';
import { renderPreview } from '../scaffold/diff.js';
import { skipMessage, WRITE_STATUS_WORDS } from '../scaffold/messages.js';
import { plannedStatus, ScaffoldWriteError, type TargetState, type WriteResult } from '../scaffold/write.js';
import type { GeneratedFile, ScaffoldKind, Skipped } from '../scaffold/types.js';
import type { Choice, Prompts } from './prompts.js';
import { adviceLines, painter, statusLine, stepLines, summaryLines, wrap, type Painter } from './render.js';

/**
 * What each step of the containerization checklist can scaffold. Step ids come from the
 * checklist YAML, so this is keyed by string; a step of another checklist offers no scaffolding.
 */
export const STEP_SCAFFOLDS: Readonly<Record<string, { kinds: readonly ScaffoldKind[]; oneService?: boolean }>> = {
  'first-dockerfile': { kinds: ['dockerfile', 'dockerignore'], oneService: true },
  'all-dockerfiles': { kinds: ['dockerfile', 'dockerignore'] },
  compose: { kinds: ['compose'] },
  'dev-in-containers': { kinds: ['compose'] },
  'automated-builds': { kinds: ['ci'] },
  'ci-with-images': { kinds: ['ci'] },
  'cd-staging': { kinds: ['ci'] },
};

/** Files a step would get, with what is on disk where they go. */
export interface ScaffoldOffer {
  files: GeneratedFile[];
  states: TargetState[];
  skipped: Skipped[];
}

/** The walkthrough's hands: planning and writing, injected so flows run in tests without a disk. */
export interface Scaffolder {
  offer(kinds: readonly ScaffoldKind[], service?: string): ScaffoldOffer;
  write(offer: ScaffoldOffer, force: boolean): WriteResult[];
}

export interface WalkthroughDeps {
  prompts: Prompts;
  print(text: string): void;
  color: boolean;
  scaffolder: Scaffolder;
  /** Scans the repository again after it changed: the only detection the walkthrough runs. */
  rescan(): Report;
  /** Records a step as done by hand in the config file; returns the file's path. */
  attest(step: string, reason: string): string;
}

export type WalkOutcome = 'finished' | 'quit';
type Action = 'advice' | 'scaffold' | 'attest' | 'skip' | 'quit';

/**
 * The guided tour: the progress summary, then each step in order with what it is, why it
 * matters, what was found and what is missing; a step not done offers the advice, scaffolding
 * (preview, then write on confirmation, then a rescan), marking it done by hand, skip or quit.
 */
export async function runWalkthrough(initial: Report, deps: WalkthroughDeps): Promise<WalkOutcome> {
  const p = painter(deps.color);
  const say = (lines: string[]) => deps.print(`${lines.join('\n')}\n`);
  let report = initial;
  say(summaryLines(report, p));
  for (let index = 0; index < report.steps.length; index++) {
    let step = report.steps[index]!;
    say(stepLines(report, step, p));
    while (step.status !== 'done') {
      const action = await deps.prompts.select<Action>({ message: `Step ${index + 1}: what now?`, choices: choicesFor(step) });
      if (action === 'quit') return 'quit';
      if (action === 'skip') break;
      if (action === 'advice') {
        say(adviceLines(step, p));
        continue;
      }
      const changed = action === 'scaffold' ? await scaffold(report, step, deps, p, say) : await attest(step, deps, say);
      if (!changed) continue;
      report = deps.rescan();
      step = report.steps.find((s) => s.id === step.id) ?? step;
      say(['', `  Step ${index + 1} is now: ${statusLine(step, p).trim()}`]);
      if (step.status !== 'done') say(stepLines(report, step, p).slice(3));
    }
  }
  say(['', ...summaryLines(report, p)]);
  if (report.summary.nextStep === null && report.checklist.next) say(['', ...wrap(report.checklist.next.message)]);
  return 'finished';
}

function choicesFor(step: StepReport): Array<Choice<Action>> {
  return [
    { name: 'Show the advice in full', value: 'advice' },
    ...(STEP_SCAFFOLDS[step.id] ? [{ name: 'Scaffold the missing files (preview first)', value: 'scaffold' as const }] : []),
    { name: 'Mark as done by hand, with a reason', value: 'attest', description: 'saved in .containerize-check.yaml; later runs and CI show it as attested' },
    { name: 'Skip to the next step', value: 'skip' },
    { name: 'Quit', value: 'quit' },
  ];
}

/** Preview, confirm, write; true when files were written. */
async function scaffold(report: Report, step: StepReport, deps: WalkthroughDeps, p: Painter, say: (lines: string[]) => void): Promise<boolean> {
  const spec = STEP_SCAFFOLDS[step.id]!;
  let service: string | undefined;
  if (spec.oneService) {
    const candidates = report.services.filter((s) => s.kind === 'app' && s.confidence !== 'weak' && s.dockerfiles.length === 0 && s.builders.length === 0).map((s) => s.path);
    if (candidates.length > 1) {
      service = await deps.prompts.select({ message: 'Which service first?', choices: candidates.map((path) => ({ name: printable(path), value: path })) });
    } else service = candidates[0];
  }
  const offer = reported(() => deps.scaffolder.offer(spec.kinds, service), say);
  if (!offer) return false;
  // Services that already have what the step asks for are not news here.
  const notes = offer.skipped.filter((s) => s.reason !== 'has-dockerfile' && s.reason !== 'has-dockerignore');
  for (const skipped of notes) say([p.c.dim(`  ${printable(skipMessage(skipped))}`)]);
  const pending = offer.states.filter((state) => plannedStatus(state, true) !== 'unchanged');
  if (pending.length === 0) {
    say(['  Nothing to write for this step: see the advice.']);
    return false;
  }
  say(['', ...renderPreview(pending, true).trimEnd().split('\n').map(printable)]);
  const existing = pending.filter((state) => state.existing !== undefined).length;
  const message = existing > 0 ? `Write ${pending.length} file(s), overwriting ${existing} existing one(s)?` : `Write ${pending.length} file(s)?`;
  if (!(await deps.prompts.confirm({ message, default: existing === 0 }))) return false;
  const results = reported(() => deps.scaffolder.write({ ...offer, files: pending.map((state) => state.file), states: pending }, true), say);
  if (!results) return false;
  say(results.map((result) => `  ${WRITE_STATUS_WORDS[result.status].done} ${printable(result.path)}`));
  return results.some((result) => result.status === 'created' || result.status === 'overwritten');
}

/** A file that cannot be read or written (a directory linking out of the repository, a read-only tree): said, and the step stays. */
function reported<T>(action: () => T, say: (lines: string[]) => void): T | undefined {
  try {
    return action();
  } catch (error) {
    if (!(error instanceof ScaffoldWriteError)) throw error;
    say([`  ${printable(error.message)}`]);
    return undefined;
  }
}

async function attest(step: StepReport, deps: WalkthroughDeps, say: (lines: string[]) => void): Promise<boolean> {
  const reason = await deps.prompts.input({
    message: 'Why is it done? (one line, for the next person)',
    validate: (value) => (value.trim() ? true : 'a reason is required'),
  });
  const path = deps.attest(step.id, reason.trim());
  say([`  Saved in ${printable(path)}`]);
  return true;
}
