import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { homeMunicipality } from '../src/bootstrap.js';
import { type AppConfig, loadConfig } from '../src/platform/config.js';
import { type OpenDatabase, openDatabase } from '../src/platform/db/database.js';
import { migrate } from '../src/platform/db/migrate.js';
import { buildApp } from '../src/platform/http/app.js';
import { seedDemo } from '../src/seed/seed-demo.js';

export const DEMO_PASSWORD = 'test-demo-password-2026';

/** Which database this run of the integration tier uses (set per Vitest project). */
export function testDbKind(): 'pglite' | 'postgres' {
  return process.env.KASANE_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

/** A fresh, empty database: in-memory PGlite, or a new database on the test PostgreSQL server. */
export async function freshDatabase(): Promise<{ database: OpenDatabase; url?: string; drop(): Promise<void> }> {
  if (testDbKind() === 'pglite') {
    const database = await openDatabase({ dataDir: 'memory://' });
    return { database, drop: async () => {} };
  }
  const adminUrl = process.env.KASANE_TEST_PG_URL;
  if (!adminUrl) throw new Error('KASANE_TEST_PG_URL is required for the int-postgres tier');
  const name = `kasane_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
  return {
    database,
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface TestApp {
  app: FastifyInstance;
  database: OpenDatabase;
  config: AppConfig;
  municipalityId: string;
  url?: string | undefined;
  signIn(loginName: string, password?: string): Promise<Client>;
  close(): Promise<void>;
}

/** Migrated database with the demo municipality, and the real HTTP app on top (no network port). */
export async function startTestApp(overrides: Partial<AppConfig> = {}, logStream?: NodeJS.WritableStream): Promise<TestApp> {
  const fresh = await freshDatabase();
  await migrate(fresh.database);
  await seedDemo(fresh.database.db, { seed: 7, password: DEMO_PASSWORD, production: false, volunteers: 3, staffPerAgency: 1, persons: 0 });
  const config: AppConfig = { ...loadConfig({ NODE_ENV: 'test' }), dataDir: 'memory://', logLevel: 'silent', ...overrides };
  const municipalityId = (await homeMunicipality(fresh.database))!;
  const app = await buildApp({ db: fresh.database.db, config, homeMunicipalityId: municipalityId, ...(logStream ? { logStream } : {}) });
  return {
    app,
    database: fresh.database,
    config,
    municipalityId,
    url: fresh.url,
    async signIn(loginName, password = DEMO_PASSWORD) {
      const client = new Client(app);
      const res = await client.post('/api/v1/auth/login', { loginName, password });
      if (res.statusCode !== 200) throw new Error(`sign-in of ${loginName} failed: ${res.statusCode} ${res.body}`);
      return client;
    },
    async close() {
      await app.close();
      await fresh.database.close();
      await fresh.drop();
    },
  };
}

/** A browser-like client: keeps the session cookie and sends the CSRF header on writes. */
export class Client {
  cookie: string | null = null;
  csrf: string | null = null;

  constructor(private readonly app: FastifyInstance) {}

  async request(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await this.app.inject({
      method,
      url,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(method !== 'GET' && this.csrf ? { 'x-csrf-token': this.csrf } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    this.remember(res);
    return res;
  }

  private remember(res: LightMyRequestResponse) {
    const set = res.headers['set-cookie'];
    const first = Array.isArray(set) ? set[0] : set;
    if (first) this.cookie = first.split(';')[0]!;
    if (res.headers['content-type']?.toString().includes('json') && res.body) {
      const json = JSON.parse(res.body) as { csrfToken?: string };
      if (json.csrfToken) this.csrf = json.csrfToken;
    }
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: unknown) {
    return this.request('POST', url, body);
  }
  patch(url: string, body?: unknown) {
    return this.request('PATCH', url, body);
  }
  put(url: string, body?: unknown) {
    return this.request('PUT', url, body);
  }
}

export function json<T = Record<string, unknown>>(res: LightMyRequestResponse): T {
  return JSON.parse(res.body) as T;
}
