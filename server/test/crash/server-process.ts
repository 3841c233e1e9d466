import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';

/** The real server (`server/src/main.ts`, what `npm start` runs after building the web app) as a child process. */
export interface ServerProcess {
  child: ChildProcess;
  base: string;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export const CRASH_PASSWORD = 'crash-demo-password-2026';

export function spawnServer(port: number, db: { DATABASE_URL: string } | { KASANE_DATA_DIR: string }): ServerProcess {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  delete env.KASANE_DATA_DIR;
  delete env.NODE_ENV;
  Object.assign(env, {
    ...db,
    PORT: String(port),
    HOST: '127.0.0.1',
    KASANE_DEMO_PASSWORD: CRASH_PASSWORD,
    KASANE_LOG_LEVEL: 'warn',
    // No web build needed: the API is what is under test.
    KASANE_WEB_DIST: '/nonexistent-kasane-web-dist',
  });
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (b: Buffer) => {
    out += b.toString('utf8');
  });
  child.stderr!.on('data', (b: Buffer) => {
    out += b.toString('utf8');
  });
  const exited = once(child, 'exit').then(([code, signal]) => ({ code: code as number | null, signal: signal as NodeJS.Signals | null }));
  return { child, base: `http://127.0.0.1:${port}`, output: () => out, exited };
}

/** Waits until /api/health answers; fails with the server's output if it exits first. */
export async function waitHealthy(server: ServerProcess, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void server.exited.then(() => {
    exited = true;
  });
  while (Date.now() < deadline) {
    if (exited) throw new Error(`server exited before it was ready:\n${server.output()}`);
    const ok = await fetch(`${server.base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server not ready in ${timeoutMs} ms:\n${server.output()}`);
}

/** A signed-in API client over real HTTP (session cookie + CSRF header). */
export class HttpClient {
  private cookie = '';
  private csrf = '';

  constructor(private readonly base: string) {}

  async signIn(loginName: string, password = CRASH_PASSWORD): Promise<void> {
    const res = await fetch(`${this.base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ loginName, password }),
    });
    if (res.status !== 200) throw new Error(`sign-in of ${loginName} failed: ${res.status} ${await res.text()}`);
    this.cookie = res.headers.getSetCookie()[0]!.split(';')[0]!;
    this.csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  }

  async post(path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
    const res = await fetch(`${this.base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: this.cookie, 'x-csrf-token': this.csrf },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, json: text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : {} };
  }

  async get(path: string): Promise<number> {
    return (await this.getJson(path)).status;
  }

  async getJson<T = Record<string, unknown>>(path: string): Promise<{ status: number; json: T }> {
    const res = await fetch(`${this.base}${path}`, { headers: { cookie: this.cookie } });
    const text = await res.text();
    return { status: res.status, json: (text.startsWith('{') ? JSON.parse(text) : {}) as T };
  }
}

/** Intake of one consultation: one request writes consultation + consent + audit event in one transaction. */
export function intake(tag: string, i: number) {
  return {
    route: 'phone',
    visitor: { kind: 'other', relationship: '近隣住民', name: `通報者${i}` },
    categories: ['health_disability', 'housing', 'living_costs'],
    summary: `${tag}-${i}`,
    details: '障害試験の書き込み',
    consentStatus: 'given',
  };
}
