import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { DbHandle, OpenDatabase } from '../db/database.js';
import { appliedMigrations, migrate } from '../db/migrate.js';
import { type BackupHeader, type BackupManifest, readBackup } from './backup-format.js';
import { listTables, parentsFirst, quoteIdent, type TableInfo } from './catalog.js';
import { stableTextSettings, summarise, TableDigest } from './snapshot.js';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'db', 'migrations');
const BATCH_ROWS = 1_000;
const BATCH_BYTES = 4 * 1024 * 1024;

export type BackupErrorCode = 'not_found' | 'format' | 'migrations' | 'not_empty' | 'schema' | 'checksum';

/** A refused or failed restore; nothing was changed in the target when this is thrown. */
export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface RestoreOptions {
  /** Replace the rows of a database that already holds data (all of them, in the same transaction). */
  force?: boolean;
}

export interface RestoreResult {
  tables: number;
  rows: number;
  ms: number;
  replacedExisting: boolean;
}

/**
 * Loads a backup into a database: the migrations this code knows must be exactly the backup's, the
 * target must be empty unless `force`, and all rows are loaded in one transaction in foreign-key
 * order, after which every table's row count and checksum, recomputed from the database, must equal
 * the manifest's — or the transaction rolls back and the target stays as it was.
 */
export async function restoreBackup(database: OpenDatabase, inPath: string, options: RestoreOptions = {}): Promise<RestoreResult> {
  const started = Date.now();
  if (!existsSync(inPath)) throw new BackupError('not_found', `${inPath} が見つかりません。`);
  const header = await readHeader(inPath);
  const known = readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).sort();
  if (!sameList(header.migrations, known)) {
    throw new BackupError('migrations', `バックアップのマイグレーション（${header.migrations.length} 件）がこの版（${known.length} 件）と一致しません。バックアップを作った版の Kasane で復元してください。${listDifference(header.migrations, known)}`);
  }
  const before = await migrationsIn(database);
  if (!sameList(before, known.slice(0, before.length))) {
    throw new BackupError('migrations', '復元先のデータベースのマイグレーションがこの版と一致しません。');
  }
  await migrate(database);
  const tables = await listTables(database.db);
  const nonEmpty: string[] = [];
  for (const t of tables) {
    const r = await sql.raw<{ any: boolean }>(`select exists (select 1 from ${quoteIdent(t.name)}) as any`).execute(database.db);
    if (r.rows[0]?.any) nonEmpty.push(t.name);
  }
  if (nonEmpty.length > 0 && !options.force) {
    throw new BackupError('not_empty', `復元先のデータベースは空ではありません（${nonEmpty.slice(0, 5).join(', ')}${nonEmpty.length > 5 ? ' ほか' : ''}）。置き換える場合は --force を付けてください。`);
  }
  const rows = await database.db.transaction().execute(async (tx) => {
    await stableTextSettings(tx);
    // The rows go in as they were backed up, derived tables included: user triggers (the append-only
    // audit guards, and those deriving tables such as person_visibility and daily_record_count, which would
    // count every restored record a second time) are off inside the load transaction only.
    await setUserTriggers(tx, tables, false);
    if (nonEmpty.length > 0) await sql.raw(`truncate ${tables.map((t) => quoteIdent(t.name)).join(', ')}`).execute(tx);
    const manifest = await load(tx, inPath, tables);
    await setUserTriggers(tx, tables, true);
    for (const t of tables) {
      const expected = manifest.tables[t.name]!;
      const actual = await summarise(tx, t);
      if (actual.rows !== expected.rows || actual.sha256 !== expected.sha256) {
        throw new BackupError('checksum', `${t.name}: 復元後の件数またはチェックサムがバックアップと一致しません（${actual.rows} 件 / バックアップ ${expected.rows} 件）。`);
      }
    }
    return manifest.totalRows;
  });
  await sql`analyze`.execute(database.db);
  return { tables: tables.length, rows, ms: Date.now() - started, replacedExisting: nonEmpty.length > 0 };
}

async function readHeader(inPath: string): Promise<BackupHeader> {
  try {
    for await (const item of readBackup(inPath)) {
      if ('control' in item && item.control.kind === 'header') return item.control.header;
      break;
    }
  } catch (err) {
    throw new BackupError('format', (err as Error).message);
  }
  throw new BackupError('format', 'Kasane のバックアップファイルではありません。');
}

async function migrationsIn(database: OpenDatabase): Promise<string[]> {
  const r = await sql<{ present: boolean }>`select to_regclass('public.schema_migration') is not null as present`.execute(database.db);
  return r.rows[0]?.present ? appliedMigrations(database) : [];
}

async function setUserTriggers(tx: DbHandle, tables: TableInfo[], enabled: boolean): Promise<void> {
  for (const t of tables) await sql.raw(`alter table ${quoteIdent(t.name)} ${enabled ? 'enable' : 'disable'} trigger user`).execute(tx);
}

async function load(tx: DbHandle, inPath: string, tables: TableInfo[]): Promise<BackupManifest> {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const seen = new Map<string, { rows: number; sha256: string }>();
  let current: { table: TableInfo; digest: TableDigest } | null = null;
  let batch: string[] = [];
  let bytes = 0;
  const flush = async () => {
    if (current?.table.selfReferences) batch = parentsFirst(batch, current.table.selfReferences);
    for (let i = 0; current && i < batch.length; i += BATCH_ROWS) await insertBatch(tx, current.table, batch.slice(i, i + BATCH_ROWS));
    batch = [];
    bytes = 0;
  };
  try {
    for await (const item of readBackup(inPath)) {
      if ('row' in item) {
        if (!current) throw new BackupError('format', 'バックアップファイルが壊れています（表の外に行があります）。');
        current.digest.add(item.row);
        batch.push(item.row);
        bytes += item.row.length;
        // A self-referencing table is loaded whole, parents first (such tables are small: areas, terms).
        if (!current.table.selfReferences && (batch.length >= BATCH_ROWS || bytes >= BATCH_BYTES)) await flush();
        continue;
      }
      const c = item.control;
      if (c.kind === 'table') {
        const table = byName.get(c.table);
        if (!table || JSON.stringify(c.columns) !== JSON.stringify(table.columns)) {
          throw new BackupError('schema', `表 ${c.table} の列がこの版と一致しません。`);
        }
        current = { table, digest: new TableDigest() };
      } else if (c.kind === 'end') {
        await flush();
        const got = current?.digest.summary();
        if (!current || current.table.name !== c.table || got?.rows !== c.rows || got.sha256 !== c.sha256) {
          throw new BackupError('checksum', `表 ${c.table} のデータがバックアップ作成時のチェックサムと一致しません（ファイルの破損）。`);
        }
        seen.set(c.table, got);
        current = null;
      } else if (c.kind === 'manifest') {
        const m = c.manifest;
        for (const t of tables) {
          const s = seen.get(t.name);
          const e = m.tables[t.name];
          if (!s || !e || s.rows !== e.rows || s.sha256 !== e.sha256) {
            throw new BackupError('checksum', `表 ${t.name} がバックアップの目録と一致しません。`);
          }
        }
        if (Object.keys(m.tables).length !== tables.length) throw new BackupError('schema', 'バックアップの表の一覧がこの版と一致しません。');
        return m;
      }
    }
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new BackupError('format', `バックアップファイルを読めません: ${(err as Error).message}`);
  }
  throw new BackupError('format', 'バックアップファイルが途中で終わっています（目録がありません）。');
}

async function insertBatch(tx: DbHandle, table: TableInfo, lines: string[]): Promise<void> {
  const names = table.columns.map((c) => quoteIdent(c.name)).join(', ');
  const values = table.columns.map((c, i) => `(r->>${i})::${c.type}`).join(', ');
  const payload = `[${lines.join(',')}]`;
  await sql`${sql.raw(`insert into ${quoteIdent(table.name)} (${names}) select ${values} from json_array_elements(`)}${payload}${sql.raw('::json) as e(r)')}`.execute(tx);
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function listDifference(backup: string[], known: string[]): string {
  const missing = known.filter((m) => !backup.includes(m));
  const extra = backup.filter((m) => !known.includes(m));
  return [missing.length ? ` バックアップにないもの: ${missing.join(', ')}` : '', extra.length ? ` この版にないもの: ${extra.join(', ')}` : ''].join('');
}
