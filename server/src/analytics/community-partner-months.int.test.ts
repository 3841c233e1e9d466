import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { createFixtureMunicipality, Fixture } from './analytics.fixtures.js';
import { derivedDifferences } from './derived-tables.fixtures.js';
import { loadStatutoryRecords } from './statutory-records.js';

/**
 * community_partner_month is derived by triggers (migration 202611301020): after every kind of change to
 * sessions and their organisations it must equal a recomputation from the records, written out here on
 * its own. The dashboard's loader must give the same organisations per month from it as from the
 * sessions, whole months and partly loaded ones alike.
 */
const RECOMPUTED = `
  select s.municipality_id, date_trunc('month', s.held_on)::date as month, sp.partner_id, count(*)::int as sessions
    from community_session s
    join community_session_partner sp on sp.municipality_id = s.municipality_id and sp.session_id = s.session_id
   where s.status = 'held'
   group by s.municipality_id, date_trunc('month', s.held_on)::date, sp.partner_id`;
const STORED = 'select municipality_id, month, partner_id, sessions from community_partner_month';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
}, 60_000);
afterAll(async () => {
  await t?.close();
});

async function expectInStep(step: string): Promise<void> {
  expect(await derivedDifferences(t.database.db, STORED, RECOMPUTED), `community_partner_month after: ${step}`).toEqual([]);
}

describe('organisations per month (derived for 見える化)', () => {
  it('equals a recomputation after the demo seed and after every kind of change, and the loader agrees', async () => {
    await expectInStep('demo seed');
    const db = t.database.db;
    const base = await createFixtureMunicipality(db, { a: null });
    const f = new Fixture(db, base);
    const mid = base.municipalityId;
    const [p1, p2, p3] = [await f.partner('団体一'), await f.partner('団体二'), await f.partner('団体三')];
    const activity = await f.place('2020-01-01');

    const may7 = await f.session(activity, '2025-05-07', { adult: 3 }, [p1, p2]);
    const may14 = await f.session(activity, '2025-05-14', { adult: 2 }, [p1]);
    const may21 = await f.session(activity, '2025-05-21', {}, [p2], 'cancelled');
    await f.session(activity, '2025-06-04', { elderly: 5 }, [p2]);
    await expectInStep('sessions held and cancelled');
    const months = async () =>
      (await db.selectFrom('community_partner_month').select(['month', 'partner_id', 'sessions']).where('municipality_id', '=', mid).orderBy('month').orderBy('partner_id').execute()).map(
        (r) => `${r.month.slice(0, 7)} ${[p1, p2, p3].indexOf(r.partner_id) + 1}×${r.sessions}`,
      );
    expect(await months()).toEqual(['2025-05 1×2', '2025-05 2×1', '2025-06 2×1']);

    await db.updateTable('community_session').set({ status: 'cancelled' }).where('session_id', '=', may7).execute();
    await expectInStep('a session cancelled');
    await db.updateTable('community_session').set({ status: 'held' }).where('session_id', '=', may21).execute();
    await expectInStep('a cancelled session held after all');
    await db.updateTable('community_session').set({ held_on: '2025-07-02' }).where('session_id', '=', may14).execute();
    await expectInStep('a session moved to another month');
    await db.updateTable('community_session').set({ count_adult: 9 }).where('session_id', '=', may14).execute();
    await expectInStep('participants corrected');
    await db.insertInto('community_session_partner').values({ municipality_id: mid, session_id: may14, partner_id: p3 }).execute();
    await db.deleteFrom('community_session_partner').where('session_id', '=', may21).where('partner_id', '=', p2).execute();
    await expectInStep('organisations added and removed');
    expect(await months()).toEqual(['2025-06 2×1', '2025-07 1×1', '2025-07 3×1']);

    // Whole months from the table, partly loaded months from the sessions: the same as the sessions alone.
    await f.session(activity, '2025-06-25', {}, [p1]);
    const scope = { municipalityId: mid, agencyIds: null, agencyId: null, areaId: null };
    for (const [from, to] of [['2025-04-01', '2026-03-31'], ['2025-06-10', '2025-07-31'], ['2025-06-01', '2025-06-20'], ['2025-06-05', '2025-06-30']] as const) {
      const loaded = await loadStatutoryRecords(db, scope, from, to);
      const expected = await sql<{ month: string; partner_id: string }>`
        select distinct to_char(s.held_on, 'YYYY-MM') as month, sp.partner_id::text as partner_id
          from community_session s join community_session_partner sp on sp.municipality_id = s.municipality_id and sp.session_id = s.session_id
         where s.municipality_id = ${mid} and s.status = 'held' and s.held_on between ${from}::date and ${to}::date`.execute(db);
      const got = [...loaded.partnersByMonth].flatMap(([month, ids]) => ids.map((id) => `${month} ${id}`)).sort();
      expect(got, `${from}..${to}`).toEqual(expected.rows.map((r) => `${r.month} ${r.partner_id}`).sort());
    }

    await db.deleteFrom('community_session').where('session_id', '=', may14).execute();
    await expectInStep('a session removed with its organisations');
  });

  it('is rebuilt from the records as the generator does after a load with the triggers off', async () => {
    const db = t.database.db;
    const mid = (await sql<{ id: string }>`select municipality_id as id from municipality order by created_at limit 1`.execute(db)).rows[0]!.id;
    await sql`delete from community_partner_month where municipality_id = ${mid}`.execute(db);
    await sql`select analytics_rollup_rebuild(${mid}::uuid)`.execute(db);
    await expectInStep('a rebuild');
  });
});
