import { randomBytes } from 'node:crypto';
import path from 'node:path';

/** Runtime configuration, from the environment only. */
export interface AppConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  production: boolean;
  /** Cookies marked Secure and HSTS sent (set when served behind TLS). */
  secureCookies: boolean;
  trustProxy: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  demoPassword: string | undefined;
  seed: number;
  logLevel: string;
  webDist: string;
  /**
   * HMAC key of the public consultation form (form tokens, hashed client addresses). Set
   * KASANE_PUBLIC_FORM_SECRET (32+ characters) when several server processes share the load or tokens
   * must survive a restart; otherwise each process makes its own.
   */
  publicFormSecret: string;
}

function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number.parseInt(raw, 10);
  if (!Number.isFinite(n)) throw new Error(`${name} must be an integer, got "${raw}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return {
    port: intEnv('PORT', 3000),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.KASANE_DATA_DIR ?? path.resolve('data'),
    production: env.NODE_ENV === 'production',
    secureCookies: env.KASANE_SECURE_COOKIES === '1' || env.KASANE_SECURE_COOKIES === 'true',
    trustProxy: env.KASANE_TRUST_PROXY === '1' || env.KASANE_TRUST_PROXY === 'true',
    sessionIdleMinutes: intEnv('KASANE_SESSION_IDLE_MINUTES', 30),
    sessionAbsoluteHours: intEnv('KASANE_SESSION_ABSOLUTE_HOURS', 12),
    demoPassword: env.KASANE_DEMO_PASSWORD || undefined,
    seed: intEnv('KASANE_SEED', 20261126),
    logLevel: env.KASANE_LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'warn' : 'info'),
    webDist: env.KASANE_WEB_DIST ?? path.resolve('web/dist'),
    publicFormSecret: publicFormSecret(env.KASANE_PUBLIC_FORM_SECRET),
  };
}

function publicFormSecret(raw: string | undefined): string {
  if (raw === undefined || raw === '') return randomBytes(32).toString('hex');
  if (raw.length < 32) throw new Error('KASANE_PUBLIC_FORM_SECRET must be at least 32 characters');
  return raw;
}
