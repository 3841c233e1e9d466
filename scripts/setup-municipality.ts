/**
 * `npm run setup -- --code 990002 --name 〇〇市 --prefecture-code 99 --prefecture-name 〇〇県
 *   --population 120000 --admin-login admin --admin-name "氏名"` with KASANE_ADMIN_PASSWORD set:
 * registers a real municipality and its first administrator (works with NODE_ENV=production).
 */
import { parseArgs } from 'node:util';
import { setupMunicipality } from '../server/src/admin/setup-municipality.js';
import { loadConfig } from '../server/src/platform/config.js';
import { openDatabase } from '../server/src/platform/db/database.js';
import { migrate } from '../server/src/platform/db/migrate.js';

const { values } = parseArgs({
  options: {
    code: { type: 'string' },
    name: { type: 'string' },
    'prefecture-code': { type: 'string' },
    'prefecture-name': { type: 'string' },
    population: { type: 'string' },
    'admin-login': { type: 'string' },
    'admin-name': { type: 'string' },
  },
});
const password = process.env.KASANE_ADMIN_PASSWORD;
const required = ['code', 'name', 'prefecture-code', 'prefecture-name', 'population', 'admin-login', 'admin-name'] as const;
const missing = required.filter((k) => !values[k]);
if (missing.length > 0 || !password) {
  console.error(`不足している指定: ${[...missing.map((m) => `--${m}`), ...(password ? [] : ['KASANE_ADMIN_PASSWORD'])].join(', ')}`);
  process.exit(2);
}
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await migrate(database);
  const result = await setupMunicipality(database.db, {
    code: values.code!,
    name: values.name!,
    prefectureCode: values['prefecture-code']!,
    prefectureName: values['prefecture-name']!,
    population: Number(values.population),
    adminLogin: values['admin-login']!,
    adminName: values['admin-name']!,
    adminPassword: password,
  });
  console.log(`登録しました: ${values.name}（管理者 ${values['admin-login']}）`, result);
} catch (err) {
  console.error(`登録できませんでした: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
