import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PGliteDialect, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import lockfile from 'proper-lockfile';
import { PreparingClient } from './prepared-client.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** A handle a use case may query: the root handle or the transaction it runs in. */
export type DbHandle = Kysely<Database>;

export interface DatabaseConfig {
  /** postgres://… — when set, a real PostgreSQL server is used. */
  databaseUrl?: string | undefined;
  /** Folder for the embedded PGlite database; 'memory://' for an ephemeral one. */
  dataDir: string;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
}

export interface OpenDatabase {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Runs a multi-statement SQL script (migrations). */
  execScript(script: string): Promise<void>;
  close(): Promise<void>;
}

// bigint (int8) stays a string; numeric counts are cast in SQL where needed.
pg.types.setTypeParser(20, (v) => v);
// date stays 'YYYY-MM-DD' text: a birth date is a calendar day, not an instant in some time zone.
pg.types.setTypeParser(1082, (v) => v);
const DATE_OID = 1082;
const pgliteParsers = { [DATE_OID]: (v: string) => v };

export async function openDatabase(config: DatabaseConfig): Promise<OpenDatabase> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, config.poolSize ?? 10);
  return openPglite(config.dataDir);
}

async function openPostgres(url: string, poolSize: number): Promise<OpenDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, Client: PreparingClient });
  pool.on('error', (err) => console.error('PostgreSQL pool error:', err.message));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    async execScript(script) {
      const client = await pool.connect();
      try {
        await client.query(script);
      } catch (err) {
        // A failed multi-statement script leaves its explicit transaction open: end it.
        await client.query('ROLLBACK');
        throw err;
      } finally {
        client.release();
      }
    },
    async close() {
      await db.destroy();
    },
  };
}

async function openPglite(dataDir: string): Promise<OpenDatabase> {
  let release: (() => Promise<void>) | undefined;
  let pglite: PGlite;
  if (dataDir.startsWith('memory://')) {
    pglite = await PGlite.create({ extensions: { pg_trgm }, parsers: pgliteParsers });
  } else {
    const dir = path.resolve(dataDir);
    mkdirSync(dir, { recursive: true });
    // PGlite corrupts a folder opened by two processes at once: hold an exclusive lock.
    release = await lockDataFolder(dir);
    pglite = await PGlite.create(dir, { extensions: { pg_trgm }, parsers: pgliteParsers });
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  return {
    db,
    kind: 'pglite',
    async execScript(script) {
      try {
        await pglite.exec(script);
      } catch (err) {
        if (pglite.isInTransaction()) await pglite.exec('ROLLBACK');
        throw err;
      }
    },
    async close() {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
      await release?.();
    },
  };
}

/**
 * Takes the folder's lock. A lock left by a process killed on this host (its pid, recorded beside
 * the lock, is gone) is taken over at once instead of after the 15 s staleness window, so a server
 * killed with SIGKILL restarts immediately; a live holder is refused with a clear message.
 */
async function lockDataFolder(dir: string): Promise<() => Promise<void>> {
  const lockfilePath = `${dir}.lock`;
  const ownerPath = `${dir}.lock-owner`;
  const busy = (cause: unknown) => new Error(`データフォルダ ${dir} は別のプロセスが使用中です（PGlite は同時に1プロセスしか開けません）。`, { cause });
  const take = () => lockfile.lock(dir, { lockfilePath, stale: 15_000, update: 5_000 });
  let unlock: () => Promise<void>;
  try {
    unlock = await take();
  } catch (err) {
    if (!holderIsGone(ownerPath)) throw busy(err);
    rmSync(ownerPath, { force: true });
    rmSync(lockfilePath, { recursive: true, force: true });
    unlock = await take().catch((again: unknown) => {
      throw busy(again);
    });
  }
  writeFileSync(ownerPath, `${process.pid} ${hostname()}`);
  return async () => {
    rmSync(ownerPath, { force: true });
    await unlock();
  };
}

function holderIsGone(ownerPath: string): boolean {
  let pid = 0;
  let host = '';
  try {
    const [p, h] = readFileSync(ownerPath, 'utf8').trim().split(' ');
    pid = Number(p);
    host = h ?? '';
  } catch {
    return false; // no record: the holder may be starting; let staleness decide
  }
  if (host !== hostname() || !Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
