/**
 * `npm run seed -- [--seed S]`: creates the demo municipality (agencies, staff with every role,
 * 民生委員, 3,000 persons in households with their casework) in an empty database — the same demo
 * as the first `npm start`.
 *
 * `npm run seed -- --persons N [--municipality NAME] [--seed S]`: the city-scale generator
 * (server/src/seed/scale/): the demo's fixed parts and sign-ins, and N persons in all, with
 * households, casework over 5 年度, referrals, plans, meetings, outreach, placements, places and audit
 * events; progress goes to stderr, the report (rows, times) to stdout as JSON.
 */
import { parseArgs } from 'node:util';
import { homeMunicipality } from '../server/src/bootstrap.js';
import { loadConfig } from '../server/src/platform/config.js';
import { openDatabase } from '../server/src/platform/db/database.js';
import { migrate } from '../server/src/platform/db/migrate.js';
import { incompleteScaleSeed, seedScale } from '../server/src/seed/scale/run-scale.js';
import { seedDemo } from '../server/src/seed/seed-demo.js';

const { values } = parseArgs({
  options: { persons: { type: 'string' }, seed: { type: 'string' }, volunteers: { type: 'string' }, municipality: { type: 'string' } },
});
const config = loadConfig();
const seed = values.seed ? Number(values.seed) : config.seed;
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await migrate(database);
  if ((await homeMunicipality(database)) !== null) {
    console.error(
      (await incompleteScaleSeed(database))
        ? 'このデータベースには途中で失敗した生成が残っています。データベースを作り直してから実行してください。'
        : 'このデータベースにはすでに市町村があります。空のデータベースで実行してください。',
    );
    process.exitCode = 1;
  } else if (values.persons !== undefined || values.municipality !== undefined) {
    const persons = Number(values.persons ?? 3_000);
    const report = await seedScale(database, {
      persons,
      seed,
      municipalityName: values.municipality,
      password: config.demoPassword,
      production: config.production,
      log: (message) => console.error(message),
    });
    console.log(JSON.stringify({ ...report, password: config.demoPassword ? '(KASANE_DEMO_PASSWORD)' : report.password, database: database.kind, rowsPerSecond: Math.round(report.rows / (report.ms / 1000)) }));
  } else {
    const started = Date.now();
    const result = await seedDemo(database.db, {
      seed,
      password: config.demoPassword,
      production: config.production,
      volunteers: values.volunteers ? Number(values.volunteers) : undefined,
    });
    console.log(JSON.stringify({ ...result, password: config.demoPassword ? '(KASANE_DEMO_PASSWORD)' : result.password, ms: Date.now() - started }));
  }
} finally {
  await database.close();
}
