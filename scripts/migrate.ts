/** `npm run migrate`: applies pending migrations to DATABASE_URL (or the PGlite data folder). */
import { loadConfig } from '../server/src/platform/config.js';
import { openDatabase } from '../server/src/platform/db/database.js';
import { migrate } from '../server/src/platform/db/migrate.js';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const applied = await migrate(database);
  console.log(applied.length ? `適用したマイグレーション:\n  ${applied.join('\n  ')}` : 'マイグレーションは最新です。');
} finally {
  await database.close();
}
