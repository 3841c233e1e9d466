/**
 * `npm run bench [-- --db pglite|postgres|both --connections 50 --seconds 10]`
 *
 * Starts the real server (as `npm start` does) on a fresh database in a child process, signs in a
 * caseworker, and drives it with autocannon: GET /api/v1/me beside GET /api/health (the framework
 * floor), 本人検索, 相談受付の保存 (one at a time and under load), the つなぐ inbox and 誰も担当していない
 * 相談. Prints one JSON document, then a readable table. Later issues add their operations here.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { type Cluster, postgresBinDir, startCluster } from '../scripts/pg-cluster.js';

const { values } = parseArgs({
  options: { db: { type: 'string', default: 'both' }, connections: { type: 'string', default: '50' }, seconds: { type: 'string', default: '10' } },
});
const connections = Number(values.connections);
const seconds = Number(values.seconds);
const PASSWORD = 'bench-demo-password-2026';
const SEARCHES = { kanji: '高橋', variantKanji: '髙橋', kana: 'さいとう', halfWidthKana: 'ﾔﾏﾀﾞ', birthDate: '昭和20年5月1日' };

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

async function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', KASANE_DEMO_PASSWORD: PASSWORD, KASANE_LOG_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { child, base };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not start');
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function load(url: string, headers: Record<string, string>, post?: unknown) {
  const times: number[] = [];
  const options = post === undefined ? {} : { method: 'POST' as const, body: JSON.stringify(post), headers: { ...headers, 'content-type': 'application/json' } };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: seconds, headers, ...options }, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on('response', (_client, _status, _bytes, ms) => times.push(ms));
  });
  times.sort((a, b) => a - b);
  return {
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.average),
    medianMs: Number(percentile(times, 50).toFixed(2)),
    p95Ms: Number(percentile(times, 95).toFixed(2)),
    p99Ms: Number(percentile(times, 99).toFixed(2)),
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** One request at a time (what a worker feels when saving): median and p95 of `n` calls. */
async function sequential(n: number, call: () => Promise<Response>) {
  const times: number[] = [];
  let errors = 0;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await call();
    await res.arrayBuffer();
    times.push(performance.now() - t0);
    if (!res.ok) errors += 1;
  }
  times.sort((a, b) => a - b);
  return { calls: n, medianMs: Number(percentile(times, 50).toFixed(2)), p95Ms: Number(percentile(times, 95).toFixed(2)), errors };
}

/** A realistic 相談受付: third-party caller, three concerns, a paragraph of text. */
const INTAKE = {
  route: 'phone',
  visitor: { kind: 'other', relationship: '民生委員' },
  anonymous: true,
  categories: ['care', 'withdrawal', 'living_costs'],
  primaryCategory: 'withdrawal',
  summary: '80代の母親と50代の息子の二人暮らし。息子を長く見かけず、母親の通院も途絶えている様子。',
  consentStatus: 'unknown',
};

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function benchOne(kind: 'pglite' | 'postgres', cluster: Cluster | null) {
  const env: NodeJS.ProcessEnv = {};
  let dataDir: string | null = null;
  if (kind === 'postgres') {
    const admin = new pg.Client({ connectionString: cluster!.url });
    await admin.connect();
    await admin.query('DROP DATABASE IF EXISTS kasane_bench WITH (FORCE)');
    await admin.query('CREATE DATABASE kasane_bench');
    await admin.end();
    env.DATABASE_URL = cluster!.url.replace(/\/postgres$/, '/kasane_bench');
  } else {
    dataDir = mkdtempSync(path.join(tmpdir(), 'kasane-bench-'));
    env.KASANE_DATA_DIR = dataDir;
  }
  const { child, base } = await startServer(env);
  try {
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ loginName: 'houkatsu1', password: PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    if (!login.ok || !cookie) throw new Error(`sign-in failed: ${login.status}`);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const writeHeaders = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
    await load(`${base}/api/health`, {}); // warm-up
    const health = await load(`${base}/api/health`, {});
    const me = await load(`${base}/api/v1/me`, { cookie });
    // 本人検索 over the demo's persons, as the caseworker (only what houkatsu1 may see is searched).
    const search: Record<string, Awaited<ReturnType<typeof load>>> = {};
    for (const [name, q] of Object.entries(SEARCHES)) search[name] = await load(`${base}/api/v1/persons?q=${encodeURIComponent(q)}`, { cookie });
    // 相談受付の保存: one at a time (the worker's wait), then under load; つなぐ inbox; 誰も担当していない相談.
    const intakeSaveOne = await sequential(200, () => fetch(`${base}/api/v1/consultations`, { method: 'POST', headers: writeHeaders, body: JSON.stringify(INTAKE) }));
    const intakeSave = await load(`${base}/api/v1/consultations`, { cookie, 'x-csrf-token': csrfToken }, INTAKE);
    const referralInbox = await load(`${base}/api/v1/referrals?box=inbox`, { cookie });
    const unowned = await load(`${base}/api/v1/unowned`, { cookie });
    return { db: kind, connections, seconds, health, me, search, intakeSaveOne, intakeSave, referralInbox, unowned, meOverFloorP95: Number((me.p95Ms / health.p95Ms).toFixed(2)), serverPeakRssMb: peakRssMb(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

const wanted = values.db === 'both' ? (['pglite', 'postgres'] as const) : ([values.db] as Array<'pglite' | 'postgres'>);
let cluster: Cluster | null = null;
const results = [];
try {
  for (const kind of wanted) {
    if (kind === 'postgres') {
      if (!postgresBinDir()) {
        console.error('PostgreSQL server binaries not found; skipping the postgres run.');
        continue;
      }
      cluster ??= await startCluster();
    }
    results.push(await benchOne(kind, cluster));
  }
} finally {
  cluster?.stop();
}
const machine = { node: process.version, cpus: (await import('node:os')).cpus().length };
console.log(JSON.stringify({ benchmark: 'platform', machine, results }, null, 2));
console.log('\ndb        route                 req/s   median ms  p95 ms  p99 ms  errors');
for (const r of results) {
  const rows: Array<[string, Awaited<ReturnType<typeof load>>]> = [
    ['/api/health', r.health],
    ['/api/v1/me', r.me],
    ...Object.entries(r.search).map(([k, v]) => [`search:${k}`, v] as [string, Awaited<ReturnType<typeof load>>]),
    ['intake save (POST)', r.intakeSave],
    ['referral inbox', r.referralInbox],
    ['unowned list', r.unowned],
  ];
  for (const [name, m] of rows) {
    console.log(`${r.db.padEnd(9)} ${name.padEnd(21)} ${String(m.requestsPerSecond).padStart(6)} ${String(m.medianMs).padStart(10)} ${String(m.p95Ms).padStart(7)} ${String(m.p99Ms).padStart(7)} ${String(m.errors).padStart(7)}`);
  }
  console.log(`${r.db.padEnd(9)} intake save, one at a time: median ${r.intakeSaveOne.medianMs} ms, p95 ${r.intakeSaveOne.p95Ms} ms, errors ${r.intakeSaveOne.errors}`);
  console.log(`${r.db.padEnd(9)} me/floor p95 ratio ${r.meOverFloorP95}, server peak RSS ${r.serverPeakRssMb} MB`);
}
