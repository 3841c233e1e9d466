/**
 * A fresh database per run: a new database in the throwaway PostgreSQL cluster, or a new PGlite
 * folder. The generator fills it in a child process (`scripts/seed.ts`, as `npm run seed` does)
 * before the server starts, so the server finds the municipality and does not seed again.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { type OpenDatabase, openDatabase } from '../server/src/platform/db/database.js';
import type { Cluster } from '../scripts/pg-cluster.js';
import type { DbKind } from './args.js';

export const BENCH_PASSWORD = 'bench-demo-password-2026';

export interface BenchDatabase {
  kind: DbKind;
  /** DATABASE_URL or KASANE_DATA_DIR, and the demo password: what the seed, the server and audit:verify get. */
  env: Record<string, string>;
  dispose(): Promise<void>;
}

export async function freshDatabase(kind: DbKind, cluster: Cluster | null): Promise<BenchDatabase> {
  if (kind === 'postgres') {
    if (!cluster) throw new Error('PostgreSQL のクラスタがありません。');
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    try {
      await admin.query('DROP DATABASE IF EXISTS kasane_bench WITH (FORCE)');
      await admin.query('CREATE DATABASE kasane_bench');
    } finally {
      await admin.end();
    }
    return { kind, env: { DATABASE_URL: cluster.url.replace(/\/postgres$/, '/kasane_bench'), KASANE_DEMO_PASSWORD: BENCH_PASSWORD }, async dispose() {} };
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kasane-bench-'));
  return {
    kind,
    // An empty DATABASE_URL overrides one in the caller's environment: this run is PGlite.
    env: { DATABASE_URL: '', KASANE_DATA_DIR: dataDir, KASANE_DEMO_PASSWORD: BENCH_PASSWORD },
    async dispose() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A database seeded beforehand (`npm run seed -- --persons N`): measured as it is and kept. */
export function existingDatabase(existing: { databaseUrl: string } | { dataDir: string }): BenchDatabase {
  if ('databaseUrl' in existing) return { kind: 'postgres', env: { DATABASE_URL: existing.databaseUrl, KASANE_DEMO_PASSWORD: BENCH_PASSWORD }, async dispose() {} };
  return { kind: 'pglite', env: { DATABASE_URL: '', KASANE_DATA_DIR: existing.dataDir, KASANE_DEMO_PASSWORD: BENCH_PASSWORD }, async dispose() {} };
}

/** Runs the generator in a child process with the database's environment; returns its wall time. */
export interface SeedFigures {
  /** Wall time of the child process (start-up and migrations included). */
  seconds: number;
  /** What scripts/seed.ts printed last (its counts and `ms`), parsed when it is JSON. */
  summary: unknown;
}

export async function seedDatabase(database: BenchDatabase, persons: number | undefined, seed: number | undefined): Promise<SeedFigures> {
  const args = ['--import', 'tsx', 'scripts/seed.ts'];
  if (persons !== undefined) args.push('--persons', String(persons));
  if (seed !== undefined) args.push('--seed', String(seed));
  const started = performance.now();
  const child = spawn(process.execPath, args, { env: { ...process.env, ...database.env, KASANE_LOG_LEVEL: 'error' }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`データの生成に失敗しました（scripts/seed.ts の終了コード ${code}）。`);
  const last = out.trim().split('\n').at(-1) ?? '';
  let summary: unknown = last;
  try {
    summary = JSON.parse(last);
  } catch {
    // not JSON: kept as printed
  }
  return { seconds: Math.round((performance.now() - started) / 100) / 10, summary };
}

/** The same database opened in this process (for PGlite only while the server is stopped). */
export function openDirect(database: BenchDatabase): Promise<OpenDatabase> {
  return openDatabase({ databaseUrl: database.env.DATABASE_URL || undefined, dataDir: database.env.KASANE_DATA_DIR ?? '' });
}

export async function databaseVersion(direct: OpenDatabase): Promise<string> {
  const { rows } = await sql<{ version: string }>`select version() as version`.execute(direct.db);
  return rows[0]?.version ?? 'unknown';
}
