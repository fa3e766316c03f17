import { createRequire } from 'node:module';
import { lazy } from './lazy.js';

/**
 * Node built-ins that only some runs need, loaded on first use: a static import is loaded at every
 * start, and `node:crypto` alone costs a tiny repository's check ~5 ms. (Synchronous on purpose:
 * the callers are synchronous, and `process.getBuiltinModule` needs Node 22.)
 */
const require = createRequire(import.meta.url);

export const nodeCrypto = lazy(() => require('node:crypto') as typeof import('node:crypto'));
export const nodeV8 = lazy(() => require('node:v8') as typeof import('node:v8'));
