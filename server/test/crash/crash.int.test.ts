import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/platform/audit/verify-audit.js';
import { type OpenDatabase, openDatabase } from '../../src/platform/db/database.js';
import { newId } from '../../src/platform/db/ids.js';
import { migrate } from '../../src/platform/db/migrate.js';
import { seedDemo } from '../../src/seed/seed-demo.js';
import { testDbKind } from '../test-app.js';
import { checkAfterCrash } from './ledger-checks.js';
import { type Agencies, countAcks, type Ledger, type MixedLoadClients, newLedger, runMixedLoad, writesInFlight } from './mixed-load.js';
import { CRASH_PASSWORD, HttpClient, intake, type ServerProcess, spawnServer, waitHealthy } from './server-process.js';

/**
 * Crash safety of the real server process: SIGKILL in the middle of a mixed load (virtual users
 * searching, opening households, timelines and inboxes, and writing intakes, cases, 経過, つなぎ and
 * their acceptance, lead transfers), then a restart; every write that was answered 2xx must be there
 * and whole, every multi-row change written since the load began whole or absent (ledger-checks.ts),
 * the audit chain intact, and the restarted server serves the same load again. Then SIGTERM during
 * writes: in-flight requests are answered, the database is closed cleanly and the process exits 0.
 */
const kind = testDbKind();
const PORT = kind === 'pglite' ? 3480 : 3483;
const tag = `crash-${randomBytes(4).toString('hex')}`;
const dir = mkdtempSync(path.join(tmpdir(), 'kasane-crash-'));
const cleanups: Array<() => Promise<void>> = [];

async function prepareDatabase(): Promise<{ env: { DATABASE_URL: string } | { KASANE_DATA_DIR: string }; open(): Promise<OpenDatabase> }> {
  let env: { DATABASE_URL: string } | { KASANE_DATA_DIR: string };
  if (kind === 'pglite') {
    env = { KASANE_DATA_DIR: path.join(dir, 'data') };
  } else {
    const adminUrl = process.env.KASANE_TEST_PG_URL!;
    const name = `kasane_crash_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    env = { DATABASE_URL: url.toString() };
    cleanups.push(async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    });
  }
  const open = () => openDatabase('DATABASE_URL' in env ? { databaseUrl: env.DATABASE_URL, dataDir: '' } : { dataDir: env.KASANE_DATA_DIR });
  // The demo municipality, small (the server's own first-start seed adds 3,000 persons: not needed here).
  const database = await open();
  try {
    await migrate(database);
    await seedDemo(database.db, { seed: 11, password: CRASH_PASSWORD, production: false, persons: 20, volunteers: 2, staffPerAgency: 1 });
  } finally {
    await database.close();
  }
  return { env, open };
}

function started(server: ServerProcess): ServerProcess {
  cleanups.push(async () => {
    if (server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
  });
  return server;
}

class RolledBack extends Error {
  constructor(readonly result: Awaited<ReturnType<typeof checkAfterCrash>>) {
    super('rolled back');
  }
}

async function signedIn(base: string, login: string): Promise<HttpClient> {
  const c = new HttpClient(base);
  await c.signIn(login);
  return c;
}

/** Three workers of 地域包括 send; 自立相談 receives つなぎ; 子ども家庭 receives lead transfers. */
async function mixedLoadClients(base: string): Promise<{ clients: MixedLoadClients; agencies: Agencies }> {
  const senders = [await signedIn(base, 'houkatsu1'), await signedIn(base, 'houkatsu1'), await signedIn(base, 'houkatsu1')];
  const receiver = await signedIn(base, 'jiritsu');
  const newLead = await signedIn(base, 'kodomo');
  const agencyOf = async (c: HttpClient) => (await c.getJson<{ agencies: Array<{ id: string }> }>('/api/v1/me')).json.agencies[0]!.id;
  return { clients: { senders, receiver, newLead }, agencies: { houkatsu: await agencyOf(senders[0]!), jiritsu: await agencyOf(receiver), kodomo: await agencyOf(newLead) } };
}

/** Resolves once `ready()` holds or `capMs` has passed. */
function when(ready: () => boolean, capMs: number): Promise<void> {
  return new Promise((resolve) => {
    const since = Date.now();
    const timer = setInterval(() => {
      if (ready() || Date.now() - since > capMs) {
        clearInterval(timer);
        resolve();
      }
    }, 5);
  });
}

afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
  rmSync(dir, { recursive: true, force: true });
});

describe(`crash safety of the server process (${kind})`, () => {
  it('SIGKILL under a mixed load loses no acknowledged write and half-applies none; SIGTERM finishes in-flight requests and exits 0', { timeout: 300_000 }, async () => {
    const t0 = Date.now();
    const phases: Record<string, number> = {};
    const lap = (name: string) => {
      phases[name] = Date.now() - t0 - Object.values(phases).reduce((a, b) => a + b, 0);
    };
    const db = await prepareDatabase();
    lap('prepare');
    const first = started(spawnServer(PORT, db.env));
    await waitHealthy(first);
    lap('start');
    const client = await signedIn(first.base, 'houkatsu1');
    const since = new Date();

    if ('KASANE_DATA_DIR' in db.env) {
      // A second server on the same PGlite folder is refused before it touches the folder.
      const second = started(spawnServer(PORT + 1, db.env));
      const end = await second.exited;
      expect(end.code).toBe(1);
      expect(second.output()).toContain('別のプロセスが使用中です');
      expect(await client.post('/api/v1/consultations', intake(`${tag}-while-refused`, 0))).toMatchObject({ status: 201 });
    }

    // Mixed load; SIGKILL once enough writes of every kind have been acknowledged, at a moment when a
    // write is in flight (its outcome unknown to the client: present whole or absent, never partial).
    const load = await mixedLoadClients(first.base);
    const ledger: Ledger = newLedger();
    const enough = () => {
      const n = countAcks(ledger);
      return ledger.acks.length >= 40 && (n.accept ?? 0) >= 2 && (n.transfer_accept ?? 0) >= 1;
    };
    let inFlightAtKill: Record<string, number> = {};
    const killed = when(() => enough() && Object.keys(writesInFlight(ledger)).length > 0, 45_000).then(() => {
      inFlightAtKill = writesInFlight(ledger);
      first.child.kill('SIGKILL');
    });
    await runMixedLoad(load.clients, load.agencies, `${tag}-kill`, killed, ledger);
    lap('load');
    expect((await first.exited).signal).toBe('SIGKILL');
    expect(ledger.refused).toEqual({});
    expect(enough(), JSON.stringify(countAcks(ledger))).toBe(true);
    const killedAt = { acknowledged: ledger.acks.length, byKind: countAcks(ledger), inFlight: inFlightAtKill, unknownWrites: ledger.unknownWrites, reads: ledger.reads };

    // Restart at once on the same database (a PGlite lock left by the killed process is taken over).
    const restarted = started(spawnServer(PORT, db.env));
    await waitHealthy(restarted, 120_000);
    lap('restart');
    const again = await signedIn(restarted.base, 'houkatsu1');
    for (const a of ledger.acks) {
      if (a.kind === 'referral') expect(await again.get(`/api/v1/referrals/${a.referralId}`), a.referralId).toBe(200);
      if (a.kind === 'intake') expect(await again.get(`/api/v1/consultations/${a.consultationId}`), a.consultationId).toBe(200);
    }
    // The restarted server serves the same load again, without a refusal.
    const resumed = await mixedLoadClients(restarted.base);
    const target = ledger.acks.length + 10;
    await runMixedLoad(resumed.clients, resumed.agencies, `${tag}-again`, when(() => ledger.acks.length >= target, 30_000), ledger);
    expect(ledger.refused).toEqual({});
    expect(ledger.acks.length).toBeGreaterThanOrEqual(target);
    lap('again');

    // SIGTERM while a batch of writes is in flight: the process finishes what it has begun, closes
    // the database and exits 0. A request it had not yet read when the listener closed is reset
    // (never applied: checked below); none is half-done.
    let signalledAt = Number.POSITIVE_INFINITY;
    const batch = Array.from({ length: 12 }, (_, i) =>
      again.post('/api/v1/consultations', intake(`${tag}-term`, i)).then(
        (r) => ({ i, status: r.status, id: String(r.json.id), at: Date.now() }),
        () => ({ i, status: 0, id: '', at: Date.now() }),
      ),
    );
    await Promise.race(batch);
    signalledAt = Date.now();
    restarted.child.kill('SIGTERM');
    const termResults = await Promise.all(batch);
    const end = await restarted.exited;
    lap('sigterm');
    expect(phases.sigterm, 'graceful shutdown took too long').toBeLessThan(20_000);
    expect(end, restarted.output()).toEqual({ code: 0, signal: null });
    expect(restarted.output()).toContain('SIGTERM');
    for (const r of termResults) expect([0, 201, 503]).toContain(r.status);
    const termAcknowledged = termResults.filter((r) => r.status === 201).map((r) => r.id);
    const termReset = termResults.filter((r) => r.status !== 201).map((r) => `${tag}-term-${r.i}`);
    // Requests already in progress when the signal came were finished and answered.
    expect(termResults.filter((r) => r.status === 201 && r.at >= signalledAt).length).toBeGreaterThan(0);
    if ('KASANE_DATA_DIR' in db.env) {
      // Closed cleanly: the folder lock and its owner record are gone.
      expect(existsSync(`${db.env.KASANE_DATA_DIR}.lock`)).toBe(false);
      expect(existsSync(`${db.env.KASANE_DATA_DIR}.lock-owner`)).toBe(false);
    }

    const database = await db.open();
    try {
      const rows = await sql<{ consultation_id: string; summary: string; consents: number; audits: number }>`
        select c.consultation_id, c.summary,
          (select count(*)::int from consent k where k.municipality_id = c.municipality_id and k.consultation_id = c.consultation_id) as consents,
          (select count(*)::int from audit_event e where e.municipality_id = c.municipality_id and e.target_id = c.consultation_id::text and e.action = 'consultation.create') as audits
        from consultation c where c.summary like ${`${tag}-%`}`.execute(database.db);
      const present = new Set(rows.rows.map((r) => r.consultation_id));
      for (const id of termAcknowledged) expect(present.has(id), `acknowledged ${id} missing`).toBe(true);
      const summaries = new Set(rows.rows.map((r) => r.summary));
      for (const s of termReset) expect(summaries.has(s), `${s} was refused or reset but applied`).toBe(false);
      // All-or-nothing: every intake that exists has exactly its consent and its audit event.
      for (const r of rows.rows) expect({ id: r.consultation_id, consents: r.consents, audits: r.audits }).toEqual({ id: r.consultation_id, consents: 1, audits: 1 });
      const orphans = await sql<{ n: number }>`
        select count(*)::int as n from audit_event e where e.action = 'consultation.create'
          and not exists (select 1 from consultation c where c.municipality_id = e.municipality_id and c.consultation_id::text = e.target_id)`.execute(database.db);
      expect(orphans.rows[0]!.n).toBe(0);
      // The mixed load: every acknowledged write present and whole; unknown outcomes (no response
      // before the kill) resolved either way, never partially.
      const checked = await checkAfterCrash(database.db, since, ledger);
      expect(checked.problems).toEqual([]);
      // The checks are not vacuous: a referral without its events, attachment and audit event, and an
      // acknowledged intake that is not there, are both reported (in a transaction rolled back).
      const sample = ledger.acks.find((a) => a.kind === 'referral')!;
      const halfId = newId();
      const missing = { kind: 'intake' as const, consultationId: newId(), personId: newId() };
      const damaged = await database.db
        .transaction()
        .execute(async (trx) => {
          const row = await trx.selectFrom('referral').selectAll().where('referral_id', '=', sample.referralId).executeTakeFirstOrThrow();
          await trx.insertInto('referral').values({ ...row, referral_id: halfId }).execute();
          throw new RolledBack(await checkAfterCrash(trx, since, { ...ledger, acks: [...ledger.acks, missing] }));
        })
        .catch((e: unknown) => {
          if (e instanceof RolledBack) return e.result.problems;
          throw e;
        });
      expect(damaged.filter((p) => p.includes(halfId)).length).toBe(3);
      expect(damaged.filter((p) => p.includes(missing.consultationId))).toHaveLength(1);
      expect(damaged).toHaveLength(4);
      const municipalities = await database.db.selectFrom('municipality').select('municipality_id').execute();
      for (const m of municipalities) {
        const v = await verifyAudit(database.db, m.municipality_id);
        expect(v.ok, JSON.stringify(v.problems)).toBe(true);
      }
      lap('verify');
      const total = { writes: ledger.acks.length + ledger.unknownWrites, reads: ledger.reads };
      console.log(JSON.stringify({ kind, killedAt, checked: checked.checked, byKind: countAcks(ledger), readShare: (total.reads / (total.reads + total.writes)).toFixed(2), termAcknowledged: termAcknowledged.length, termReset: termReset.length, ms: phases }));
    } finally {
      await database.close();
    }
  });
});
