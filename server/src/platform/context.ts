import type { Actor } from './access/actor.js';
import type { DbHandle } from './db/database.js';

/** Facts about the HTTP request a use case records in audit events. */
export interface RequestMeta {
  requestId: string;
  clientAddr: string | null;
  userAgent: string | null;
}

/** What every use case receives besides its input. Never reach for a global database handle. */
export interface Ctx {
  db: DbHandle;
  actor: Actor;
  now: Date;
  meta: RequestMeta;
}

/** Context before sign-in (sign-in itself, health). */
export interface AnonCtx {
  db: DbHandle;
  now: Date;
  meta: RequestMeta;
}
