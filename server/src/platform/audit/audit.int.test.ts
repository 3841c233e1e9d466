import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestApp, type TestApp, testDbKind } from '../../../test/test-app.js';
import { newId } from '../db/ids.js';
import { recordAudit } from './record-audit.js';
import { RECENT_LOOKBACK_MS, SEAL_LOOKBACK_MS, sealAll } from './seal-audit.js';
import { verifyAudit } from './verify-audit.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

type Events = { items: Array<{ actorLogin: string | null; action: string; outcome: string; basis: string | null; requestId: string | null; clientAddr: string | null }>; nextCursor: string | null };

/** Runs SQL with the append-only triggers switched off, as an attacker with superuser rights could. */
async function tamper(statement: ReturnType<typeof sql>) {
  await t.database.db.transaction().execute(async (trx) => {
    await sql`SET LOCAL session_replication_role = replica`.execute(trx);
    await statement.execute(trx);
  });
}

describe('audit trail', () => {
  it('records sign-ins and failed sign-ins with request id and client address; auditors search them', async () => {
    await t.signIn('houkatsu1');
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { loginName: 'houkatsu1', password: 'wrong-password-here' } });
    const auditor = await t.signIn('auditor');
    const res = await auditor.get('/api/v1/audit/events?actor=HOUKATSU1&action=auth.sign_in');
    expect(res.statusCode).toBe(200);
    const events = json<Events>(res).items;
    expect(events.map((e) => e.outcome).sort()).toEqual(['failure', 'success']);
    for (const e of events) {
      expect(e.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(e.clientAddr).toBeTruthy();
    }
  });

  it('pages through results with a cursor without repeating or skipping events', async () => {
    const auditor = await t.signIn('auditor');
    const all = json<Events>(await auditor.get('/api/v1/audit/events?limit=200')).items;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Events = json<Events>(await auditor.get(`/api/v1/audit/events?limit=3${cursor ? `&cursor=${cursor}` : ''}`));
      seen.push(...page.items.map((e) => JSON.stringify(e)));
      cursor = page.nextCursor;
    } while (cursor && seen.length < 500);
    // Each page request is itself audited, so later pages may hold newer events; the first `all` must all appear.
    for (const e of all) expect(seen).toContain(JSON.stringify(e));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('refuses the audit log to administrators and records the refusal', async () => {
    for (const login of ['admin', 'sysadmin', 'coordinator']) {
      const c = await t.signIn(login);
      expect((await c.get('/api/v1/audit/events')).statusCode).toBe(403);
      expect((await c.post('/api/v1/audit/verify')).statusCode).toBe(403);
    }
    const denied = await t.database.db.selectFrom('audit_event').select('actor_login').where('action', '=', 'audit_log.list').where('outcome', '=', 'denied').execute();
    expect(denied.map((d) => d.actor_login).sort()).toEqual(['admin', 'coordinator', 'sysadmin']);
  });

  it('rejects UPDATE, DELETE and TRUNCATE of audit rows at the database', async () => {
    const db = t.database.db;
    await sealAll(db);
    await expect(sql`UPDATE audit_event SET action = 'x'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_event`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_event`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_seal`.execute(db)).rejects.toThrow(/append-only/);
  });

  it('finds an event committed long after it occurred only when looking back the whole window, and still seals it in time', async () => {
    const db = t.database.db;
    const meta = { requestId: newId(), clientAddr: '127.0.0.1', userAgent: null };
    const event = (occurredAt: Date, action: string) =>
      recordAudit(db, meta, occurredAt, { municipalityId: t.municipalityId, action, outcome: 'success' });
    await sealAll(db);
    const now = new Date();
    await event(now, 'test.recent');
    expect(await sealAll(db, now, RECENT_LOOKBACK_MS)).toBe(1);
    // A transaction that began 40 s ago commits now: the usual run does not look back that far.
    const longAgo = new Date(now.getTime() - 40_000);
    await event(longAgo, 'test.slow_commit');
    expect(await sealAll(db, now, RECENT_LOOKBACK_MS)).toBe(0);
    expect(await sealAll(db, now, SEAL_LOOKBACK_MS)).toBe(1);
    const seals = await db
      .selectFrom('audit_seal as s')
      .innerJoin('audit_event as e', (j) => j.onRef('e.municipality_id', '=', 's.municipality_id').onRef('e.event_id', '=', 's.event_id'))
      .select(['e.action', 's.late', 's.seq'])
      .where('e.action', 'in', ['test.recent', 'test.slow_commit'])
      .orderBy('s.seq')
      .execute();
    expect(seals.map((s) => [s.action, s.late])).toEqual([['test.recent', false], ['test.slow_commit', false]]);
    const verified = await verifyAudit(db, t.municipalityId);
    expect(verified.ok).toBe(true);
    expect(verified.warnings).toEqual([]);
  });

  it('seals events into a chain that verifies, and detects modified, deleted and inserted events', async () => {
    const db = t.database.db;
    await sealAll(db);
    const clean = await verifyAudit(db, t.municipalityId);
    expect(clean.ok).toBe(true);
    expect(clean.sealed).toBeGreaterThan(10);
    expect(clean.unsealed).toBe(0);

    // The auditor's button gives the same answer through the API.
    const auditor = await t.signIn('auditor');
    const viaApi = json<{ ok: boolean; sealed: number }>(await auditor.post('/api/v1/audit/verify'));
    expect(viaApi.ok).toBe(true);

    const [victim, gone] = await db.selectFrom('audit_seal').select('event_id').orderBy('seq').limit(2).execute();
    await tamper(sql`UPDATE audit_event SET actor_login = 'someone-else' WHERE event_id = ${victim!.event_id}`);
    await tamper(sql`DELETE FROM audit_event WHERE event_id = ${gone!.event_id}`);
    const insertedId = newId();
    await tamper(sql`INSERT INTO audit_event (municipality_id, event_id, occurred_at, action, outcome)
      VALUES (${t.municipalityId}, ${insertedId}, now() - interval '2 days', 'auth.sign_in', 'success')`);
    // A fresh tail event is normal: reported as unsealed, not as tampering.
    await t.signIn('kodomo');

    const result = await verifyAudit(db, t.municipalityId);
    expect(result.ok).toBe(false);
    const byKind = (k: string) => result.problems.filter((p) => p.kind === k).map((p) => p.eventId);
    expect(byKind('modified')).toEqual([victim!.event_id]);
    expect(byKind('deleted')).toEqual([gone!.event_id]);
    expect(byKind('inserted')).toEqual([insertedId]);
    expect(result.unsealed).toBeGreaterThanOrEqual(2);
  });

  it('detects a rewritten link in the seal chain', async () => {
    const db = t.database.db;
    const row = await db.selectFrom('audit_seal').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    await tamper(sql`UPDATE audit_seal SET chain_hash = repeat('a', 64) WHERE municipality_id = ${t.municipalityId} AND seq = ${Number(row.seq)}`);
    const result = await verifyAudit(db, t.municipalityId);
    expect(result.problems.some((p) => p.kind === 'chain_broken')).toBe(true);
  });

  it(`denies UPDATE and DELETE on audit rows to an application role granted only SELECT, INSERT (${testDbKind()})`, async () => {
    const db = t.database.db;
    const role = `kasane_app_${Math.floor(Math.random() * 1e9)}`;
    await sql.raw(`CREATE ROLE ${role} NOLOGIN`).execute(db);
    await sql.raw(`GRANT SELECT, INSERT ON audit_event, audit_seal TO ${role}`).execute(db);
    await db.transaction().execute(async (trx) => {
      await sql.raw(`SET LOCAL ROLE ${role}`).execute(trx);
      await sql`SAVEPOINT s`.execute(trx);
      await expect(sql`UPDATE audit_event SET action = 'x'`.execute(trx)).rejects.toThrow(/permission denied|append-only/);
      await sql`ROLLBACK TO SAVEPOINT s`.execute(trx);
      await expect(sql`DELETE FROM audit_event`.execute(trx)).rejects.toThrow(/permission denied|append-only/);
      await sql`ROLLBACK TO SAVEPOINT s`.execute(trx);
      // The same role may still append, which is all the application needs.
      await sql`INSERT INTO audit_event (municipality_id, event_id, occurred_at, action, outcome)
        VALUES (${t.municipalityId}, ${newId()}, now(), 'test.append', 'success')`.execute(trx);
    });
  });
});
