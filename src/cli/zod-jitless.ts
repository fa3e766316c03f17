import { config } from 'zod';

/**
 * Imported first by the CLI entry, before any schema exists: zod decides at construction whether a
 * schema compiles its parser with `new Function` on first use. That pays off in a long-lived
 * process; a CLI run validates each schema a handful of times, where compiling costs more than it
 * saves (measured cold on Node 20: 30 object schemas parsed once each, 17–37 ms compiled, 6–10 ms
 * without).
 */
config({ jitless: true });
