/**
 * `npm run seed -- [--persons N] [--seed S]`: creates the demo municipality (agencies, staff with
 * every role, 民生委員) and --persons N persons in generated households (default 3,000) in an empty
 * database. Consultations, cases and referrals are added to the generator as their modules land.
 */
import { parseArgs } from 'node:util';
import { homeMunicipality } from '../server/src/bootstrap.js';
import { loadConfig } from '../server/src/platform/config.js';
import { openDatabase } from '../server/src/platform/db/database.js';
import { migrate } from '../server/src/platform/db/migrate.js';
import { seedDemo } from '../server/src/seed/seed-demo.js';

const { values } = parseArgs({
  options: { persons: { type: 'string' }, seed: { type: 'string' }, volunteers: { type: 'string' } },
});
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await migrate(database);
  if ((await homeMunicipality(database)) !== null) {
    console.error('このデータベースにはすでに市町村があります。空のデータベースで実行してください。');
    process.exitCode = 1;
  } else {
    const started = Date.now();
    const result = await seedDemo(database.db, {
      seed: values.seed ? Number(values.seed) : config.seed,
      password: config.demoPassword,
      production: config.production,
      volunteers: values.volunteers ? Number(values.volunteers) : undefined,
      persons: values.persons ? Number(values.persons) : undefined,
    });
    console.log(JSON.stringify({ ...result, password: config.demoPassword ? '(KASANE_DEMO_PASSWORD)' : result.password, ms: Date.now() - started }));
  }
} finally {
  await database.close();
}
