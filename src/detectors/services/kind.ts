import type { ServiceFact } from '../facts.js';

export type ProjectKind = ServiceFact['kind'];

/**
 * A kind that takes reading a module's sources to tell (a `package main`, a `main` class among
 * hundreds of files). Worked out only when asked: a Dockerfile or image builder attached to the
 * module makes it an app anyway, and then its sources are never read. Build it with `lazy`, so the
 * files are read once however often it is asked.
 */
export type DeferredKind = () => ProjectKind;

/** The kind, worked out now if it was deferred. */
export function kindNow(kind: ProjectKind | DeferredKind): ProjectKind {
  return typeof kind === 'function' ? kind() : kind;
}

/**
 * Gives `service.kind` the deferred answer: reading the property works it out (once), writing it
 * (`'app'`, when an image build is attached) replaces it unread. Either way it becomes a plain data
 * property again, as the facts leaving the detector must be (`settleKind`).
 */
export function deferKind(service: ServiceFact, kind: ProjectKind | DeferredKind): void {
  if (typeof kind !== 'function') {
    service.kind = kind;
    return;
  }
  Object.defineProperty(service, 'kind', {
    configurable: true,
    enumerable: true,
    get: () => setKind(service, kind()),
    set: (value: ProjectKind) => setKind(service, value),
  });
}

/** Works out a kind still deferred, leaving `service.kind` plain data. */
export function settleKind(service: ServiceFact): void {
  setKind(service, service.kind);
}

function setKind(service: ServiceFact, kind: ProjectKind): ProjectKind {
  Object.defineProperty(service, 'kind', { configurable: true, enumerable: true, writable: true, value: kind });
  return kind;
}
