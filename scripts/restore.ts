/**
 * `npm run restore -- --in FILE [--force]`: loads a backup made by `npm run backup` into DATABASE_URL
 * or the PGlite data folder, in one transaction, then checks every table's row count and checksum.
 * Refuses a database that already holds data unless --force (which replaces all of it), a backup
 * from a different set of migrations, and a PGlite folder a running server holds. Stop the server first.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { restoreBackup } from '../server/src/platform/backup/restore-backup.js';
import { loadConfig } from '../server/src/platform/config.js';
import { openDatabase } from '../server/src/platform/db/database.js';

const { values } = parseArgs({ options: { in: { type: 'string' }, force: { type: 'boolean' } } });
if (!values.in) {
  console.error('使い方: npm run restore -- --in <ファイル> [--force]');
  process.exit(2);
}
const config = loadConfig();
try {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const result = await restoreBackup(database, path.resolve(values.in), { force: values.force ?? false });
    console.log(JSON.stringify({ ...result, database: database.kind }));
  } finally {
    await database.close();
  }
} catch (err) {
  console.error(`復元できませんでした: ${(err as Error).message}`);
  process.exit(1);
}
