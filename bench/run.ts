/**
 * `npm run bench -- [--db pglite|postgres|both] [--persons N] [--seed S] [--connections 50,200] [--seconds 10] [--samples 200] [--cpu-prof DIR]`
 *
 * For each database: a fresh one (a throwaway PostgreSQL cluster, or a new PGlite folder), filled by
 * the generator (`scripts/seed.ts --persons N`, timed); the SQL floor of every operation measured on
 * a direct handle; then the real server (`scripts/start.ts`) in a child process, signed in as a
 * caseworker (the dashboard as the municipal admin): each operation one at a time through the API,
 * then the mixed load at each connection count with the server's peak RSS; last, with the server
 * stopped, the audit verification throughput. PGlite allows one process per data folder, so the
 * direct handle is only open while the server is not. Prints one JSON document, then a table.
 * Not a test: the targets are reported, never asserted.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { sql } from 'kysely';
import { homeMunicipality } from '../server/src/bootstrap.js';
import { type Cluster, postgresBinDir, startCluster } from '../scripts/pg-cluster.js';
import { type BenchOptions, type DbKind, parseBenchArgs } from './args.js';
import { measureAuditVerify } from './audit.js';
import { dashboardPartTimes } from './floor-dashboard.js';
import { databaseVersion, existingDatabase, freshDatabase, openDirect, seedDatabase } from './database.js';
import { CASEWORKER, DASHBOARD_USER, drawInputs } from './inputs.js';
import { measureApi, measureFloors, measureHttpBaseline } from './measure.js';
import { mixedLoad } from './mixed.js';
import { type DbResult, printTable } from './report.js';
import { memoryMb, signIn, startServer } from './server.js';
import { summarize } from './stats.js';
import { checkTargets } from './targets.js';

const log = (msg: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);

async function benchOne(kind: DbKind, cluster: Cluster | null, options: BenchOptions): Promise<DbResult> {
  const database = options.existing ? existingDatabase(options.existing) : await freshDatabase(kind, cluster);
  try {
    let seed: Awaited<ReturnType<typeof seedDatabase>>;
    if (options.existing) {
      // Seeded beforehand with KASANE_DEMO_PASSWORD=bench-demo-password-2026; its own seed report has the time.
      seed = { seconds: Number.NaN, summary: 'existing database, seeded beforehand' };
    } else {
      log(`${kind}: seeding ${options.persons ?? 'the default demo'} persons`);
      seed = await seedDatabase(database, options.persons, options.seed);
      log(`${kind}: seeded in ${seed.seconds} s`);
    }

    let direct = await openDirect(database);
    let version: string;
    let persons: number;
    let inputs: Awaited<ReturnType<typeof drawInputs>>;
    let floors: Awaited<ReturnType<typeof measureFloors>>;
    let dashboardParts: DbResult['dashboardFloorParts'];
    try {
      version = await databaseVersion(direct);
      await sql`analyze`.execute(direct.db); // current planner statistics before anything is measured
      const mid = await homeMunicipality(direct);
      const count = await direct.db.selectFrom('person').select((eb) => eb.fn.countAll<string>().as('n')).where('municipality_id', '=', mid ?? '').executeTakeFirst();
      persons = Number(count?.n ?? 0);
      inputs = await drawInputs(direct.db, options.samples);
      dashboardPartTimes.clear();
      floors = await measureFloors(direct.db, inputs, options.samples, (m) => log(`${kind}: ${m}`));
      dashboardParts = Object.fromEntries([...dashboardPartTimes].map(([part, times]) => [part, summarize(times)]));
    } finally {
      await direct.close();
    }

    log(`${kind}: starting the server`);
    const server = await startServer(database, options.cpuProfileDir);
    let http: DbResult['http'];
    let operations: DbResult['operations'];
    const mixed: DbResult['mixed'] = [];
    let serverPeakRssMb: number;
    try {
      const clients = { caseworker: await signIn(server.base, CASEWORKER), dashboard: await signIn(server.base, DASHBOARD_USER) };
      http = await measureHttpBaseline(clients.caseworker, options.samples);
      operations = await measureApi(clients, inputs, options.samples, floors, (m) => log(`${kind}: ${m}`));
      for (const connections of options.connections) {
        log(`${kind}: mixed load, ${connections} connections, ${options.seconds} s`);
        mixed.push(await mixedLoad(clients.caseworker, server.pid, inputs, connections, options.seconds));
      }
      serverPeakRssMb = memoryMb(server.pid).peakMb;
    } finally {
      await server.stop();
    }

    log(`${kind}: audit verification`);
    direct = await openDirect(database);
    let auditVerify: DbResult['auditVerify'];
    try {
      auditVerify = await measureAuditVerify(direct.db);
    } finally {
      await direct.close();
    }
    const targets = checkTargets(kind, persons, operations, mixed, serverPeakRssMb);
    return { db: kind, databaseVersion: version, persons, seed, http, operations, dashboardFloorParts: dashboardParts, auditVerify, mixed, serverPeakRssMb, targets };
  } finally {
    await database.dispose();
  }
}

const options = parseBenchArgs(process.argv.slice(2));
const startedAt = new Date().toISOString();
const loadAtStart = loadavg();
let cluster: Cluster | null = null;
const results: DbResult[] = [];
try {
  for (const kind of options.dbs) {
    if (kind === 'postgres' && !options.existing) {
      if (!postgresBinDir()) {
        log('PostgreSQL server binaries not found; skipping the postgres run.');
        continue;
      }
      cluster ??= await startCluster();
    }
    results.push(await benchOne(kind, cluster, options));
  }
} finally {
  cluster?.stop();
}
const cpu = cpus();
const machine = {
  cpus: cpu.length,
  cpuModel: cpu[0]?.model ?? 'unknown',
  totalMemoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  /** 1/5/15-minute load averages: the machine is shared, and other work skews the figures. */
  loadAverage: { atStart: loadAtStart.map((l) => Math.round(l * 100) / 100), atEnd: loadavg().map((l) => Math.round(l * 100) / 100) },
};
const flags = { ...options, persons: options.existing ? 'existing database' : (options.persons ?? 'default demo'), seed: options.existing ? 'existing database' : (options.seed ?? 'default') };
console.log(JSON.stringify({ benchmark: 'kasane', startedAt, machine, options: flags, results }, null, 2));
printTable(results);
console.log(`\nmachine: ${machine.cpus} × ${machine.cpuModel}, ${machine.totalMemoryGb} GB, Node ${machine.node}; load average ${machine.loadAverage.atStart.join(' / ')} at start, ${machine.loadAverage.atEnd.join(' / ')} at end`);
