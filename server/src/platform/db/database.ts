import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PGliteDialect, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import lockfile from 'proper-lockfile';
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
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
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
    try {
      release = await lockfile.lock(dir, { lockfilePath: `${dir}.lock`, stale: 15_000, update: 5_000 });
    } catch {
      throw new Error(
        `データフォルダ ${dir} は別のプロセスが使用中です（PGlite は同時に1プロセスしか開けません）。`,
      );
    }
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
