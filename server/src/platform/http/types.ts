import type { Actor } from '../access/actor.js';
import type { SessionInfo } from '../auth/session-info.js';
import type { AppConfig } from '../config.js';
import type { Db } from '../db/database.js';

/** How much sign-in a route needs: none, a password-verified session still owing TOTP, or a full one. */
export type RouteAuth = 'none' | 'partial' | 'active';

export interface Services {
  db: Db;
  config: AppConfig;
  /** Municipality that failures for unknown sign-in names are audited under. */
  homeMunicipalityId: string | null;
  /** Where logs go (tests capture them); stdout when absent. */
  logStream?: NodeJS.WritableStream;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
  interface FastifyRequest {
    kasaneSession: SessionInfo | null;
    actor: Actor | null;
    sessionToken: string | null;
  }
  interface FastifyContextConfig {
    auth?: RouteAuth;
    /** The route checks control characters itself, per field and in its own language (the public form). */
    ownControlCharCheck?: boolean;
  }
}
