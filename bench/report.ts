/** The readable table printed after the JSON document. */
import type { AuditFigures } from './audit.js';
import type { DbKind } from './args.js';
import type { SeedFigures } from './database.js';
import type { OperationFigures } from './measure.js';
import type { MixedFigures } from './mixed.js';
import type { OperationName } from './operations.js';
import type { Latency } from './stats.js';
import type { TargetReport } from './targets.js';

export interface DbResult {
  db: DbKind;
  databaseVersion: string;
  persons: number;
  seed: SeedFigures;
  /** The HTTP stack without a use case: what every API figure includes. */
  http: { health: Latency; me: Latency };
  operations: Partial<Record<OperationName, OperationFigures>>;
  /** The dashboard's SQL floor by indicator group (which part limits the whole). */
  dashboardFloorParts: Record<string, Latency>;
  auditVerify: AuditFigures;
  mixed: MixedFigures[];
  /** The server process's VmHWM when it stopped. */
  serverPeakRssMb: number;
  targets: TargetReport;
}

const cell = (v: unknown, w: number) => String(v ?? '—').padStart(w);

export function printTable(results: DbResult[], print: (line: string) => void = console.log): void {
  for (const r of results) {
    print('');
    print(`== ${r.db}: ${r.databaseVersion.split(' on ')[0]}, ${r.persons.toLocaleString('en')} persons (seeded in ${r.seed.seconds} s) ==`);
    print(`${'operation'.padEnd(20)} ${'API med'.padStart(8)} ${'API p95'.padStart(8)} ${'SQL med'.padStart(8)} ${'SQL p95'.padStart(8)} ${'×med'.padStart(6)} ${'×p95'.padStart(6)} ${'n'.padStart(5)} ${'err'.padStart(4)}`);
    for (const [name, f] of Object.entries(r.operations)) {
      print(
        `${name.padEnd(20)} ${cell(f.api.medianMs, 8)} ${cell(f.api.p95Ms, 8)} ${cell(f.floor.medianMs, 8)} ${cell(f.floor.p95Ms, 8)} ${cell(f.ratioMedian, 6)} ${cell(f.ratioP95, 6)} ${cell(f.api.samples, 5)} ${cell(f.api.errors, 4)}`,
      );
    }
    print('(ms, one request at a time; SQL = the same queries on a direct handle without HTTP, session, authorization or audit)');
    const parts = Object.entries(r.dashboardFloorParts).map(([part, l]) => `${part} ${l.medianMs}/${l.p95Ms}`);
    if (parts.length > 0) print(`dashboard SQL floor by part (median/p95 ms): ${parts.join(', ')}`);
    print(`HTTP stack alone: /api/health median ${r.http.health.medianMs} ms, p95 ${r.http.health.p95Ms}; /api/v1/me (session lookup) median ${r.http.me.medianMs} ms, p95 ${r.http.me.p95Ms}`);
    const a = r.auditVerify;
    print(`audit verify: ${a.events.toLocaleString('en')} events in ${a.seconds} s = ${a.eventsPerSecond.toLocaleString('en')} events/s (${a.ok ? 'chain ok' : 'PROBLEMS FOUND'})`);
    print(`${'mixed load (80/20)'.padEnd(20)} ${'conns'.padStart(6)} ${'req/s'.padStart(7)} ${'median'.padStart(7)} ${'p95'.padStart(7)} ${'p99'.padStart(7)} ${'errors'.padStart(7)} ${'peak RSS'.padStart(9)}`);
    for (const m of r.mixed) {
      print(`${''.padEnd(20)} ${cell(m.connections, 6)} ${cell(m.requestsPerSecond, 7)} ${cell(m.medianMs, 7)} ${cell(m.p95Ms, 7)} ${cell(m.p99Ms, 7)} ${cell(m.errors, 7)} ${cell(`${m.serverPeakRssMb} MB`, 9)}`);
    }
    print(`server peak RSS (VmHWM): ${r.serverPeakRssMb} MB`);
    const scale = r.targets.atTargetScale ? '' : ` — this run is below that scale (${r.persons.toLocaleString('en')} persons)`;
    print(`targets (issue 7; set for ${r.targets.targetScale}${scale}):`);
    for (const c of r.targets.checks) print(`  ${c.met ? 'met    ' : 'NOT MET'}  ${c.target.padEnd(66)} ${c.value}`);
  }
}
