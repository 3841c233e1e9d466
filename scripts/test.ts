/**
 * `npm test`: every test tier, on both databases, and one closing line `N passed, N failed`.
 *
 *   1. Vitest: unit, int-pglite and — when PostgreSQL is reachable — int-postgres.
 *      PostgreSQL comes from KASANE_TEST_PG_URL, else a throwaway cluster from the Debian server binaries.
 *   2. Playwright in Debian Chromium: once on PGlite, once on PostgreSQL.
 *
 * Set KASANE_TEST_SKIP_E2E=1 to run only the Vitest tiers (the count then says so).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { type Cluster, postgresBinDir, startCluster } from './pg-cluster.js';

const out = path.resolve('.tmp/test-results');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

let cluster: Cluster | null = null;
let pgUrl = process.env.KASANE_TEST_PG_URL;
if (!pgUrl && postgresBinDir()) {
  cluster = await startCluster();
  pgUrl = cluster.url;
  console.log(`PostgreSQL (throwaway cluster): ${pgUrl}`);
} else if (!pgUrl) {
  console.log('PostgreSQL not available: the int-postgres tier and PostgreSQL e2e run are left out.');
}

const totals = { passed: 0, failed: 0 };
const bin = (name: string) => path.resolve('node_modules/.bin', name);

function run(label: string, cmd: string, args: string[], env: NodeJS.ProcessEnv) {
  console.log(`\n=== ${label} ===`);
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return res.status ?? 1;
}

try {
  const vitestJson = path.join(out, 'vitest.json');
  const vitestStatus = run('Vitest (unit, int-pglite, int-postgres)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`], {
    ...(pgUrl ? { KASANE_TEST_PG_URL: pgUrl } : {}),
  });
  if (existsSync(vitestJson)) {
    const r = JSON.parse(readFileSync(vitestJson, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests + r.numPendingTests + r.numTodoTests;
  }
  if (vitestStatus !== 0 && totals.failed === 0) totals.failed += 1;

  if (process.env.KASANE_TEST_SKIP_E2E !== '1') {
    const targets: Array<{ name: string; env: NodeJS.ProcessEnv }> = [{ name: 'pglite', env: {} }];
    if (pgUrl) {
      const admin = new pg.Client({ connectionString: pgUrl });
      await admin.connect();
      await admin.query('DROP DATABASE IF EXISTS kasane_e2e WITH (FORCE)');
      await admin.query('CREATE DATABASE kasane_e2e');
      await admin.end();
      const url = new URL(pgUrl);
      url.pathname = '/kasane_e2e';
      targets.push({ name: 'postgres', env: { KASANE_E2E_DATABASE_URL: url.toString() } });
    }
    for (const target of targets) {
      const report = path.join(out, `playwright-${target.name}.json`);
      const status = run(`Playwright e2e in Chromium (${target.name})`, bin('playwright'), ['test', '--reporter=list,json'], {
        ...target.env,
        PLAYWRIGHT_JSON_OUTPUT_NAME: report,
      });
      if (existsSync(report)) {
        const r = JSON.parse(readFileSync(report, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
        totals.passed += r.stats.expected;
        totals.failed += r.stats.unexpected + r.stats.flaky + r.stats.skipped;
      }
      if (status !== 0 && !existsSync(report)) totals.failed += 1;
    }
  }
} finally {
  cluster?.stop();
}

const summary = `${totals.passed} passed, ${totals.failed} failed`;
writeFileSync(path.join(out, 'summary.txt'), `${summary}\n`);
console.log(`\n${summary}`);
process.exit(totals.failed > 0 ? 1 : 0);
