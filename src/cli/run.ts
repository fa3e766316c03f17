import './zod-jitless.js';
import { main } from './main.js';

/** Entry point used by bin/: sets the exit code without cutting off pending stdout writes. */
main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`containerize-check: internal error: ${String(error)}\n`);
    process.exitCode = 3;
  },
);
