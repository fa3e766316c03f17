import { createRequire } from 'node:module';
import { lazy } from './lazy.js';

/**
 * Node built-ins that only some runs need, loaded on first use: a static import is loaded at every
 * start, and `node:crypto` alone costs a tiny repository's check ~5 ms. (Synchronous on purpose:
 * the callers are synchronous, and `process.getBuiltinModule` needs Node 22.) The require itself is
 * made on first use too: a URL to parse and a require to set up cost ~1 ms at every start.
 */
const requireBuiltin = lazy(() => createRequire(import.meta.url));

export const nodeCrypto = lazy(() => requireBuiltin()('node:crypto') as typeof import('node:crypto'));
export const nodeV8 = lazy(() => requireBuiltin()('node:v8') as typeof import('node:v8'));
