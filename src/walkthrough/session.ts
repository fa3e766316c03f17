import { relative, resolve } from 'node:path';
import { addAttestation } from '../config/write.js';
import { scanRepository } from '../engine/scan.js';
import { planRepository } from '../scaffold/load.js';
import { writeFiles } from '../scaffold/write.js';
import { runWalkthrough, type Scaffolder, type WalkOutcome } from './flow.js';
import { inquirerPrompts, isPromptExit, type Prompts } from './prompts.js';

export interface WalkOptions {
  color: boolean;
  /** Injected in tests; inquirer's prompts otherwise. */
  prompts?: Prompts;
  print?: (text: string) => void;
  /** YYYY-MM-DD for attestation expiry, as in a scan. */
  today?: string;
}

/** Exit code for Ctrl-C, as shells report a process ended by SIGINT. */
export const STOPPED_EXIT = 130;

/**
 * A walkthrough of the repository at `root`, wired to the disk: the report from a scan,
 * scaffolding through the one writer, attestations through the config writer. Ctrl-C at any
 * prompt ends it with one line and exit 130; every write is atomic, so nothing is left half-written.
 */
export async function walkRepository(root: string, options: WalkOptions): Promise<{ outcome: WalkOutcome | 'stopped'; code: number }> {
  const print = options.print ?? ((text: string) => process.stdout.write(text));
  const scan = () => scanRepository(root, { today: options.today }).report;
  const initial = scan();
  const prompts = options.prompts ?? (await inquirerPrompts());
  const scaffolder: Scaffolder = {
    offer(kinds, service) {
      const { plan, states } = planRepository(root, { target: kinds, service });
      return { files: plan.files, skipped: plan.skipped, states };
    },
    write: (offer, force) => writeFiles(root, offer.files, { force }),
  };
  try {
    const outcome = await runWalkthrough(initial, {
      prompts, print, color: options.color, scaffolder, rescan: scan,
      attest: (step, reason) => relative(resolve(root), addAttestation(resolve(root), { step, reason })),
    });
    return { outcome, code: 0 };
  } catch (error) {
    if (!isPromptExit(error)) throw error;
    print('\nstopped\n');
    return { outcome: 'stopped', code: STOPPED_EXIT };
  }
}
