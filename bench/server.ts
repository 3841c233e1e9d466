/** The real server (`scripts/start.ts`, as `npm start` runs it) in a child process, and signed-in clients. */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { BENCH_PASSWORD, type BenchDatabase } from './database.js';

export interface BenchServer {
  base: string;
  pid: number;
  stop(): Promise<void>;
}

export interface Client {
  base: string;
  login: string;
  /** Session cookie and CSRF token: the headers of every request, writes included. */
  headers: Record<string, string>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

export async function startServer(database: BenchDatabase, cpuProfileDir?: string): Promise<BenchServer> {
  const port = await freePort();
  const profile = cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', cpuProfileDir] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, '--import', 'tsx', 'scripts/start.ts'], {
    env: { ...process.env, ...database.env, PORT: String(port), HOST: '127.0.0.1', KASANE_LOG_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 1500; i++) {
    if (child.exitCode !== null) throw new Error(`サーバーが起動しませんでした（終了コード ${child.exitCode}）。`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { base, pid: child.pid!, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error('サーバーが5分以内に起動しませんでした。');
}

export async function signIn(base: string, login: string): Promise<Client> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ loginName: login, password: BENCH_PASSWORD }),
  });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  if (!res.ok || !cookie) throw new Error(`${login} でサインインできませんでした（HTTP ${res.status}）。`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { base, login, headers: { cookie, 'x-csrf-token': csrfToken } };
}

/** Resident set size of a process now (VmRSS) and at its peak so far (VmHWM), in MB. */
export function memoryMb(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
}

/** Samples VmRSS every `everyMs` until stopped; returns the highest sample. */
export function sampleRss(pid: number, everyMs = 200): { stop(): number } {
  let peak = memoryMb(pid).rssMb;
  const timer = setInterval(() => {
    peak = Math.max(peak, memoryMb(pid).rssMb);
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, memoryMb(pid).rssMb);
    },
  };
}
