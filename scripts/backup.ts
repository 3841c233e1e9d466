/**
 * `npm run backup -- --out FILE`: writes the whole database (DATABASE_URL, or the PGlite data folder
 * KASANE_DATA_DIR / ./data) to one gzip'd file with a manifest of row counts and checksums. On PGlite
 * the server must be stopped (the folder can be opened by one process only); PostgreSQL is read in
 * one consistent snapshot while the server runs.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createBackup } from '../server/src/platform/backup/create-backup.js';
import { loadConfig } from '../server/src/platform/config.js';
import { openDatabase } from '../server/src/platform/db/database.js';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
if (!values.out) {
  console.error('使い方: npm run backup -- --out <ファイル>（例: --out backups/kasane-2026-11-27.jsonl.gz）');
  process.exit(2);
}
const config = loadConfig();
try {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const result = await createBackup(database, path.resolve(values.out));
    const { manifest, ...rest } = result;
    console.log(JSON.stringify({ ...rest, database: database.kind, migrations: manifest.migrations.length, tables: Object.keys(manifest.tables).length, rows: manifest.totalRows }));
  } finally {
    await database.close();
  }
} catch (err) {
  console.error(`バックアップできませんでした: ${(err as Error).message}`);
  process.exit(1);
}
