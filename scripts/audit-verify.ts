/**
 * `npm run audit:verify [-- --seal]`: checks every municipality's audit hash chain. Exit code 1 when
 * an event was modified, deleted or inserted. With --seal, pending events are sealed first.
 */
import { parseArgs } from 'node:util';
import { sealAll } from '../server/src/platform/audit/seal-audit.js';
import { verifyAudit } from '../server/src/platform/audit/verify-audit.js';
import { loadConfig } from '../server/src/platform/config.js';
import { openDatabase } from '../server/src/platform/db/database.js';

const { values } = parseArgs({ options: { seal: { type: 'boolean' } } });
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
let failed = false;
try {
  if (values.seal) await sealAll(database.db);
  const municipalities = await database.db.selectFrom('municipality').select(['municipality_id', 'name']).execute();
  for (const m of municipalities) {
    const started = Date.now();
    const result = await verifyAudit(database.db, m.municipality_id);
    const ms = Date.now() - started;
    failed ||= !result.ok;
    console.log(JSON.stringify({ municipality: m.name, ...result, ms, eventsPerSecond: ms > 0 ? Math.round((result.sealed / ms) * 1000) : null }, null, 2));
  }
} finally {
  await database.close();
}
process.exit(failed ? 1 : 0);
