/**
 * The city-scale generator (`npm run seed -- --persons N [--municipality NAME] [--seed S]`): the demo
 * municipality's fixed parts (agencies, staff with the demo sign-ins, 圏域, question sets, meeting
 * types, directory) and a small demo population come from seedDemo; the rest of the N persons, with
 * their households and casework over 5 年度, are streamed in by the stages here, then the module
 * stages (stages.ts). Secondary indexes are off during the load and rebuilt after, the audit events
 * are sealed, VACUUM (ANALYZE) runs, and a completion event is written last: a run that fails half-way
 * leaves a municipality marked "started" but never "seeded", and the seed refuses to run on it again.
 */
import { sql } from 'kysely';
import { normalizeKanjiName } from '../../consultation/japanese/name-keys.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { OpenDatabase } from '../../platform/db/database.js';
import { DEMO_AGENCIES, DEMO_MUNICIPALITY } from '../demo-catalogue.js';
import { SeededRandom } from '../random.js';
import { seedDemo } from '../seed-demo.js';
import { AuditChain } from './audit-rows.js';
import type { Staff } from './casework-rows.js';
import { rebuildRollups, withRollupTriggersOff } from './rollups.js';
import { constraintNames, dropForeignKeys, dropSecondaryIndexes, indexNames, recreateIndexes, restoreForeignKeys } from './indexes.js';
import { TABLE_ORDER } from './row-buffer.js';
import type { ScaleContext, StageCounts } from './scale-context.js';
import { stagePeople } from './stage-people.js';
import { MODULE_STAGES, MODULE_TABLES } from './stages.js';

/** Persons of the demo part at most (seedDemo's own households, on which its plans and meetings are built); a quarter of N below 4,000. */
export const DEMO_PART_PERSONS = 1_000;
/** Fixed clock for the generated ids (after the demo part's). */
const SCALE_EPOCH = Date.UTC(2026, 3, 2);
import { SCALE_SEEDED, SCALE_STARTED } from './scale-markers.js';

export { incompleteScaleSeed, SCALE_SEEDED, SCALE_STARTED } from './scale-markers.js';

export interface ScaleSeedOptions {
  persons: number;
  seed: number;
  municipalityName?: string | undefined;
  password?: string | undefined;
  production: boolean;
  /** The generator's today (default: now); tests fix it to compare runs. */
  now?: Date;
  log?: (message: string) => void;
}

export interface ScaleSeedReport {
  municipalityId: string;
  password: string;
  persons: number;
  stages: Array<{ name: string; ms: number; rows: StageCounts }>;
  indexes: { before: number; after: number; rebuilt: number; ms: number };
  auditSealed: number;
  rows: number;
  ms: number;
  /** CPU time of this Node process (the database's own is not included): on a shared machine, wall time alone says little. */
  nodeCpuMs: number;
}

const SEED_META = { requestId: 'seed', clientAddr: null, userAgent: null };

export async function seedScale(database: OpenDatabase, options: ScaleSeedOptions): Promise<ScaleSeedReport> {
  if (!Number.isInteger(options.persons) || options.persons < 1) throw new Error('--persons は 1 以上の整数で指定してください。');
  const log = options.log ?? (() => {});
  const { db } = database;
  const started = Date.now();
  const cpuStarted = process.cpuUsage();
  const now = options.now ?? new Date();
  const stages: ScaleSeedReport['stages'] = [];
  const timed = async (name: string, run: () => Promise<StageCounts>) => {
    const t = Date.now();
    const rows = await run();
    const ms = Date.now() - t;
    stages.push({ name, ms, rows });
    const total = Object.values(rows).reduce((s, n) => s + n, 0);
    log(`${name}: ${total.toLocaleString()} rows in ${(ms / 1000).toFixed(1)} s (${Math.round(total / Math.max(ms / 1000, 0.001)).toLocaleString()} rows/s)`);
  };

  const demoPersons = Math.min(DEMO_PART_PERSONS, Math.ceil(options.persons / 4));
  let municipalityId = '';
  let password = '';
  await timed('demo part', async () => {
    const demo = await seedDemo(db, {
      seed: options.seed,
      password: options.password,
      production: options.production,
      persons: demoPersons,
      staffPerAgency: Math.min(40, Math.max(2, Math.ceil(options.persons / 25_000))),
    });
    municipalityId = demo.municipalityId;
    password = demo.password;
    return { person: demo.persons, app_user: demo.users };
  });
  const mid = municipalityId;
  await recordAudit(db, SEED_META, new Date(), { municipalityId: mid, action: SCALE_STARTED, outcome: 'success', targetType: 'municipality', targetId: mid, details: { persons: options.persons, seed: options.seed } });
  const name = options.municipalityName?.trim();
  if (name) {
    await db.updateTable('municipality').set({ name }).where('municipality_id', '=', mid).execute();
    await sql`update agency set name = replace(name, 'デモ市', ${name}) where municipality_id = ${mid}`.execute(db);
    // The demo part's households live in デモ市 too (their search keys are derived the same way).
    const [from, to] = [normalizeKanjiName(DEMO_MUNICIPALITY.name), normalizeKanjiName(name)];
    await sql`update household set address = replace(address, ${DEMO_MUNICIPALITY.name}, ${name}) where municipality_id = ${mid}`.execute(db);
    await sql`update person set address = replace(address, ${DEMO_MUNICIPALITY.name}, ${name}), address_key = replace(address_key, ${from}, ${to}) where municipality_id = ${mid}`.execute(db);
  }

  const ctx = await scaleContext(database, mid, options, now);
  const staffByAgency = await caseworkers(database, mid);
  const before = await indexNames(db);
  const constraintsBefore = await constraintNames(db);
  const bulkTables = [...TABLE_ORDER, ...MODULE_TABLES];
  const dropped = await dropSecondaryIndexes(db, bulkTables);
  const droppedKeys = await dropForeignKeys(db, bulkTables);
  log(`dropped ${dropped.length} secondary indexes of ${before.length} and ${droppedKeys.length} foreign keys`);

  const msByTable: Record<string, number> = {};
  await withRollupTriggersOff(db, async () => {
    await timed('persons, households and casework', () =>
      stagePeople(ctx, {
        msByTable,
        count: options.persons - demoPersons,
        municipalityName: name || DEMO_MUNICIPALITY.name,
        staffByAgency,
        onProgress: (n) => log(`  ${(demoPersons + n).toLocaleString()} / ${options.persons.toLocaleString()} persons (${((Date.now() - started) / 1000).toFixed(0)} s)`),
      }),
    );
    log(`  write time by table: ${Object.entries(msByTable).map(([t, ms]) => `${t} ${(ms / 1000).toFixed(1)} s`).join(', ')}`);
    for (const stage of MODULE_STAGES) await timed(stage.name, () => stage.run(ctx));
  });

  const indexStarted = Date.now();
  await recreateIndexes(db, dropped, database.kind === 'postgres' ? '256MB' : '64MB', (d, ms) => log(`  index ${d.name}: ${(ms / 1000).toFixed(1)} s`));
  const after = await indexNames(db);
  const missing = before.filter((n) => !after.includes(n));
  if (missing.length > 0 || after.length !== before.length) throw new Error(`索引が元に戻っていません: ${missing.join(', ') || `${before.length} → ${after.length}`}`);
  log(`rebuilt ${dropped.length} indexes in ${((Date.now() - indexStarted) / 1000).toFixed(1)} s (${after.length} in all)`);
  const keysStarted = Date.now();
  await restoreForeignKeys(db, droppedKeys);
  const constraintsAfter = await constraintNames(db);
  const lost = constraintsBefore.filter((n) => !constraintsAfter.includes(n));
  if (lost.length > 0 || constraintsAfter.length !== constraintsBefore.length) throw new Error(`制約が元に戻っていません: ${lost.join(', ')}`);
  log(`checked and restored ${droppedKeys.length} foreign keys in ${((Date.now() - keysStarted) / 1000).toFixed(1)} s`);
  const indexMs = Date.now() - indexStarted;
  const rollupsStarted = Date.now();
  await rebuildRollups(db, mid);
  log(`derived analytics tables in ${((Date.now() - rollupsStarted) / 1000).toFixed(1)} s`);

  const chain = new AuditChain(mid, () => ctx.rnd.uuid(ctx.epochMs));
  await chain.resume(db);
  let auditSealed = await chain.sealRemaining(db, new Date());
  const analyzeStarted = Date.now();
  // VACUUM too, as autovacuum would soon after such a load: it sets the visibility map, so counts and
  // lookups answered from an index alone (index-only scans) need not visit the table.
  await sql`vacuum (analyze)`.execute(db);
  log(`vacuum and analyze: ${((Date.now() - analyzeStarted) / 1000).toFixed(1)} s`);
  const rows = stages.reduce((s, st) => s + Object.values(st.rows).reduce((a, n) => a + n, 0), 0);
  // Last: the completion marker (sealed too), so a complete municipality can be told from a broken run.
  await recordAudit(db, SEED_META, new Date(), { municipalityId: mid, action: SCALE_SEEDED, outcome: 'success', targetType: 'municipality', targetId: mid, details: { persons: options.persons, seed: options.seed, rows } });
  auditSealed += await chain.sealRemaining(db, new Date());
  const cpu = process.cpuUsage(cpuStarted);
  const indexes = { before: before.length, after: after.length, rebuilt: dropped.length, ms: indexMs };
  return { municipalityId: mid, password, persons: options.persons, stages, indexes, auditSealed, rows, ms: Date.now() - started, nodeCpuMs: Math.round((cpu.user + cpu.system) / 1000) };
}

/** Whether a database holds a municipality from a scale run that never completed. */
async function scaleContext(database: OpenDatabase, mid: string, options: ScaleSeedOptions, now: Date): Promise<ScaleContext> {
  const { db } = database;
  const agencyRows = await db.selectFrom('agency').select(['agency_id', 'name']).where('municipality_id', '=', mid).execute();
  const name = options.municipalityName?.trim();
  const agencyIds = new Map<string, string>();
  for (const a of DEMO_AGENCIES) {
    const expected = name ? a.name.replaceAll('デモ市', name) : a.name;
    const row = agencyRows.find((r) => r.name === expected);
    if (row) agencyIds.set(a.key, row.agency_id);
  }
  const users = await db.selectFrom('app_user').select(['login_name', 'user_id']).where('municipality_id', '=', mid).execute();
  const areas = await db.selectFrom('municipal_area').select(['code', 'area_id']).where('municipality_id', '=', mid).execute();
  return {
    db,
    municipalityId: mid,
    persons: options.persons,
    rnd: new SeededRandom((Math.imul(options.seed, 2_654_435_761) + 0x5ca1e) >>> 0),
    epochMs: SCALE_EPOCH,
    now,
    agencyIds,
    userIds: new Map(users.map((u) => [u.login_name, u.user_id])),
    areaIds: new Map(areas.map((a) => [a.code, a.area_id])),
  };
}

/** Caseworkers of each agency (the demo sign-ins and the generated staff), in a stable order. */
async function caseworkers(database: OpenDatabase, mid: string): Promise<Map<string, Staff[]>> {
  const rows = await sql<{ agency_id: string; user_id: string; login_name: string }>`
    select ua.agency_id, u.user_id, u.login_name from app_user u
    join user_agency ua on ua.municipality_id = u.municipality_id and ua.user_id = u.user_id
    where u.municipality_id = ${mid} and 'caseworker' = any(u.roles)
    order by ua.agency_id, u.login_name`.execute(database.db);
  const byAgency = new Map<string, Staff[]>();
  for (const r of rows.rows) {
    const list = byAgency.get(r.agency_id) ?? [];
    list.push({ userId: r.user_id, login: r.login_name });
    byAgency.set(r.agency_id, list);
  }
  return byAgency;
}
