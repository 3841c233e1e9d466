import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { OPEN_STATUSES } from './referral-states.js';

/** The open-referral list indexes serve findReferrals only while their predicate is OPEN_STATUSES. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
}, 60_000);
afterAll(async () => {
  await t?.close();
});

describe('referral list indexes', () => {
  it('are partial on exactly the open statuses the lists filter on', async () => {
    const { rows } = await sql<{ indexname: string; indexdef: string }>`
      select indexname, indexdef from pg_indexes where indexname in ('referral_inbox_open', 'referral_outbox_open') order by indexname`.execute(t.database.db);
    expect(rows.map((r) => r.indexname)).toEqual(['referral_inbox_open', 'referral_outbox_open']);
    for (const r of rows) {
      const predicate = r.indexdef.slice(r.indexdef.indexOf(' WHERE '));
      const statuses = [...predicate.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]);
      expect(statuses.sort()).toEqual([...OPEN_STATUSES].sort());
    }
  });
});
