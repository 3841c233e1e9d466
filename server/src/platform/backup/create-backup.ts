import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import type { OpenDatabase } from '../db/database.js';
import { appliedMigrations } from '../db/migrate.js';
import { type BackupHeader, type BackupManifest, BackupWriter, FORMAT, FORMAT_VERSION } from './backup-format.js';
import { listTables } from './catalog.js';
import { stableTextSettings, TableDigest, tableLines } from './snapshot.js';

export interface BackupResult {
  path: string;
  bytes: number;
  ms: number;
  manifest: BackupManifest;
}

/**
 * Writes every table of the database to one file, read in a single repeatable-read, read-only
 * transaction (a consistent snapshot while the server keeps running on PostgreSQL; on PGlite the
 * caller holds the data folder's lock, so no server is running). The file appears under its name
 * only when complete.
 */
export async function createBackup(database: OpenDatabase, outPath: string): Promise<BackupResult> {
  const started = Date.now();
  if (existsSync(outPath)) throw new Error(`${outPath} はすでにあります。別のファイル名を指定してください。`);
  const partial = `${outPath}.partial`;
  rmSync(partial, { force: true });
  const writer = new BackupWriter(partial);
  let manifest: BackupManifest;
  try {
    manifest = await database.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (tx) => {
        await stableTextSettings(tx);
        const migrations = await appliedMigrations({ ...database, db: tx });
        const header: BackupHeader = { format: FORMAT, version: FORMAT_VERSION, createdAt: new Date().toISOString(), databaseKind: database.kind, migrations };
        await writer.control({ ...header });
        const tables: BackupManifest['tables'] = {};
        let totalRows = 0;
        for (const t of await listTables(tx)) {
          await writer.control({ table: t.name, columns: t.columns });
          const digest = new TableDigest();
          for await (const line of tableLines(tx, t)) {
            digest.add(line);
            await writer.line(line);
          }
          const summary = digest.summary();
          await writer.control({ end: t.name, ...summary });
          tables[t.name] = summary;
          totalRows += summary.rows;
        }
        const m: BackupManifest = { migrations, tables, totalRows };
        await writer.control({ manifest: m });
        return m;
      });
    await writer.close();
  } catch (err) {
    // The backup already failed with err; a second error from closing the partial file adds nothing.
    await writer.close().catch(() => undefined);
    rmSync(partial, { force: true });
    throw err;
  }
  renameSync(partial, outPath);
  return { path: outPath, bytes: statSync(outPath).size, ms: Date.now() - started, manifest };
}
