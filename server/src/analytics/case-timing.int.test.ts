import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { newId } from '../platform/db/ids.js';
import { createFixtureMunicipality } from './analytics.fixtures.js';
import { CaseworkFixture } from './casework.fixtures.js';
import { derivedDifferences } from './derived-tables.fixtures.js';

/**
 * case_timing is derived by triggers (migration 202611291000): after every kind of change to cases, plans,
 * plan versions, consultations and memberships it must equal a full recomputation from the records. The
 * recomputation here is written out on its own, from the records alone (not from the other derived
 * tables or the migration's view).
 */
const RECOMPUTED = `
  select k.municipality_id, k.case_id, k.opened_on, k.lead_agency_id,
         k.opened_on - f.first_on as to_owner_days, p.first_plan_on - f.first_on as to_plan_days
    from support_case k
    join (select m.municipality_id, m.household_id, min(c.received_on) as first_on
            from household_membership m
            join consultation c on c.municipality_id = m.municipality_id and c.person_id = m.person_id
           group by m.municipality_id, m.household_id) f
      on f.municipality_id = k.municipality_id and f.household_id = k.household_id and f.first_on <= k.opened_on
    left join (select pl.municipality_id, pl.case_id, min((v.created_at at time zone 'Asia/Tokyo')::date) as first_plan_on
                 from support_plan pl
                 join support_plan_version v on v.municipality_id = pl.municipality_id and v.plan_id = pl.plan_id and v.version_no = 1
                group by pl.municipality_id, pl.case_id) p
      on p.municipality_id = k.municipality_id and p.case_id = k.case_id`;
const STORED = 'select municipality_id, case_id, opened_on, lead_agency_id, to_owner_days, to_plan_days from case_timing';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
}, 60_000);
afterAll(async () => {
  await t?.close();
});

async function expectInStep(step: string): Promise<void> {
  expect(await derivedDifferences(t.database.db, STORED, RECOMPUTED), `case_timing after: ${step}`).toEqual([]);
}

async function timingOf(caseId: string): Promise<{ to_owner_days: number; to_plan_days: number | null } | null> {
  const row = await t.database.db.selectFrom('case_timing').select(['to_owner_days', 'to_plan_days']).where('case_id', '=', caseId).executeTakeFirst();
  return row ?? null;
}

describe('days to owner and plan per case (derived for 見える化)', () => {
  it('equals a full recomputation after the demo seed and after every kind of change', async () => {
    await expectInStep('demo seed');
    const db = t.database.db;
    const base = await createFixtureMunicipality(db, { a: null, b: null });
    const [a, b] = [base.agency.a!, base.agency.b!];
    const f = new CaseworkFixture(db, base);
    const mid = base.municipalityId;

    const [mother, son, lodger] = [await f.person(a), await f.person(a), await f.person(b)];
    const home = await f.household(a, [mother, son], '2020-01-01');
    const kase = await f.supportCase(home, a, '2024-07-01');
    await expectInStep('a case of a household without consultations');
    expect(await timingOf(kase)).toBeNull();

    await f.consultation(a, '2024-06-10', { personId: son, categories: ['withdrawal'] });
    await expectInStep('a member consulted before the case opened');
    expect(await timingOf(kase)).toEqual({ to_owner_days: 21, to_plan_days: null });

    const plan = await f.plan(kase, a, '2024-07-15');
    await expectInStep('a first plan');
    expect(await timingOf(kase)).toEqual({ to_owner_days: 21, to_plan_days: 35 });
    // A second version and an approval do not move the first plan's day.
    await db
      .insertInto('support_plan_version')
      .values({ municipality_id: mid, plan_id: plan, version_no: 2, content: JSON.stringify({}), created_by_user_id: base.userId, created_by_agency_id: a, created_at: new Date('2024-09-01T03:00:00Z') })
      .execute();
    await db.updateTable('support_plan_version').set({ approved_on: '2024-09-02' }).where('plan_id', '=', plan).execute();
    await expectInStep('a second version, and approvals');
    expect(await timingOf(kase)).toEqual({ to_owner_days: 21, to_plan_days: 35 });
    // Version 1 made just after midnight in Japan (the day before in UTC) counts on the Japanese day.
    await db.updateTable('support_plan_version').set({ created_at: new Date('2024-07-09T15:30:00Z') }).where('plan_id', '=', plan).where('version_no', '=', 1).execute();
    await expectInStep('version 1 made at 00:30 JST');
    expect(await timingOf(kase)).toEqual({ to_owner_days: 21, to_plan_days: 30 });

    await f.consultation(b, '2024-05-01', { personId: mother, categories: ['care'] });
    await expectInStep('an earlier consultation of another member');
    expect(await timingOf(kase)).toEqual({ to_owner_days: 61, to_plan_days: 70 });

    // A lodger with a consultation of their own joins: the household's first is theirs now.
    await f.consultation(b, '2023-02-02', { personId: lodger, categories: ['housing'] });
    await db.insertInto('household_membership').values({ municipality_id: mid, membership_id: newId(), household_id: home, person_id: lodger, joined_on: '2024-08-01' }).execute();
    await expectInStep('a member joined');
    expect(await timingOf(kase)).toEqual({ to_owner_days: 515, to_plan_days: 524 });

    // A case of a household whose first consultation came after it opened has no row.
    const flat = await f.household(b, [], '2024-01-01');
    const early = await f.supportCase(flat, b, '2024-01-10', '2024-02-01');
    await db.updateTable('household_membership').set({ household_id: flat }).where('person_id', '=', son).execute();
    await expectInStep('a membership moved to a household whose case opened before its first consultation');
    expect(await timingOf(early)).toBeNull();

    // Case edits in one statement over several rows: opened day, lead agency and household.
    await db.updateTable('support_case').set({ opened_on: '2024-07-31', lead_agency_id: b }).where('case_id', '=', kase).execute();
    await db.updateTable('support_case').set({ opened_on: '2024-06-30' }).where('municipality_id', '=', mid).where('case_id', 'in', [early]).execute();
    await expectInStep('cases moved and transferred');
    expect(await timingOf(early)).toEqual({ to_owner_days: 20, to_plan_days: null });

    // A plan moved to the other case, then versions and plans deleted, then a case deleted.
    await db.updateTable('support_plan').set({ case_id: early }).where('plan_id', '=', plan).execute();
    await expectInStep('a plan moved to another case');
    expect(await timingOf(kase)).toMatchObject({ to_plan_days: null });
    expect(await timingOf(early)).toMatchObject({ to_plan_days: 30 });
    await db.deleteFrom('support_plan_version').where('plan_id', '=', plan).execute();
    await db.deleteFrom('support_plan').where('plan_id', '=', plan).execute();
    await expectInStep('a plan deleted');
    expect(await timingOf(early)).toMatchObject({ to_plan_days: null });
    await db.deleteFrom('support_case').where('case_id', '=', early).execute();
    await expectInStep('a case deleted');
    expect(await timingOf(early)).toBeNull();

    // Every consultation of the household deleted: its case has no first consultation any more.
    await db.deleteFrom('consultation').where('municipality_id', '=', mid).where('person_id', 'in', [mother, lodger]).execute();
    await expectInStep('consultations deleted');
    expect(await timingOf(kase)).toBeNull();
  });
});
