import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestApp, type TestApp } from '../../test/test-app.js';
import { newId } from '../platform/db/ids.js';
import { fiscalYearPeriod } from '../community/kpi.js';
import { CONCERN_CATEGORY_CODES } from '../consultation/concern-categories.js';
import { createFixtureMunicipality } from './analytics.fixtures.js';
import { derivedDifferences } from './derived-tables.fixtures.js';
import { resolveScope } from './analytics-scope.js';
import { concernCooccurrence } from './concern-cooccurrence.js';
import { CaseworkFixture } from './casework.fixtures.js';

/**
 * consultation_household and household_first_consultation are derived by triggers (migration
 * 202611281000), household_year_concerns (202611291010) and year_concern_mask_count (202611301030) with
 * them: after every kind of change to consultations and memberships — one row or many in one statement,
 * through the API or directly — and after a rebuild, they must equal a full recomputation from the
 * records. The recomputation here is written out on its own, not through the migration's view.
 */
const RECOMPUTED_ROWS = `
  select c.municipality_id, c.person_id, c.consultation_id, m.household_id, c.received_on, c.receiving_agency_id, c.categories,
         (m.left_on is null or m.left_on > c.received_on) as member_then
    from consultation c
    join household_membership m on m.municipality_id = c.municipality_id and m.person_id = c.person_id`;
const STORED_ROWS = `
  select municipality_id, person_id, consultation_id, household_id, received_on, receiving_agency_id, categories, member_then
    from consultation_household`;
const RECOMPUTED_FIRSTS = `
  select m.municipality_id, m.household_id, min(c.received_on) as first_received_on
    from household_membership m
    join consultation c on c.municipality_id = m.municipality_id and c.person_id = m.person_id
   group by m.municipality_id, m.household_id`;
const STORED_FIRSTS = 'select municipality_id, household_id, first_received_on from household_first_consultation';
const codes = CONCERN_CATEGORY_CODES.map((c) => `'${c}'`).join(', ');
const RECOMPUTED_YEARS = `
  select m.municipality_id, extract(year from c.received_on - interval '3 months')::integer as fiscal_year, m.household_id,
         coalesce(bit_or(1 << (array_position(array[${codes}], cat) - 1)), 0) as mask
    from consultation c
    join household_membership m on m.municipality_id = c.municipality_id and m.person_id = c.person_id
         and (m.left_on is null or m.left_on > c.received_on)
    left join lateral unnest(c.categories) as cat on cat in (${codes})
   group by 1, 2, 3`;
const STORED_YEARS = 'select municipality_id, fiscal_year, household_id, mask from household_year_concerns';
const RECOMPUTED_MASKS = `select municipality_id, fiscal_year, mask, count(*)::int as households from (${RECOMPUTED_YEARS}) y group by 1, 2, 3`;
const STORED_MASKS = `
  select municipality_id, fiscal_year, mask, sum(households)::int as households
    from year_concern_mask_count group by 1, 2, 3 having sum(households) <> 0`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
}, 60_000);
afterAll(async () => {
  await t?.close();
});

const differences = (stored: string, recomputed: string) => derivedDifferences(t.database.db, stored, recomputed);

async function expectInStep(step: string): Promise<void> {
  expect(await differences(STORED_ROWS, RECOMPUTED_ROWS), `consultation_household after: ${step}`).toEqual([]);
  expect(await differences(STORED_FIRSTS, RECOMPUTED_FIRSTS), `household_first_consultation after: ${step}`).toEqual([]);
  expect(await differences(STORED_YEARS, RECOMPUTED_YEARS), `household_year_concerns after: ${step}`).toEqual([]);
  expect(await differences(STORED_MASKS, RECOMPUTED_MASKS), `year_concern_mask_count after: ${step}`).toEqual([]);
}

async function firstOf(householdId: string): Promise<string | null> {
  const row = await t.database.db.selectFrom('household_first_consultation').select('first_received_on').where('household_id', '=', householdId).executeTakeFirst();
  return row?.first_received_on ?? null;
}

describe('consultations by household (derived for 見える化)', () => {
  it('gives a 年度 the same co-occurrence from the households’ rows as from the consultations', async () => {
    const db = t.database.db;
    const base = await createFixtureMunicipality(db, { a: null, b: null });
    const [a, b] = [base.agency.a!, base.agency.b!];
    const f = new CaseworkFixture(db, base);
    const [mother, son, lodger, neighbour] = [await f.person(a), await f.person(a), await f.person(b), await f.person(b)];
    const home = await f.household(a, [mother, son], '2020-01-01');
    await f.household(b, [neighbour], '2020-01-01');
    await f.formerMember(home, lodger, '2020-01-01', '2024-06-01');
    // Either side of the 年度 boundary (31 March / 1 April), two agencies, a former member before and
    // after leaving, and another household.
    await f.consultation(a, '2024-03-31', { personId: mother, categories: ['care', 'living_costs'] });
    await f.consultation(b, '2024-04-01', { personId: son, categories: ['withdrawal'] });
    await f.consultation(a, '2024-05-01', { personId: lodger, categories: ['debt', 'withdrawal'] });
    await f.consultation(b, '2024-07-01', { personId: lodger, categories: ['housing'] });
    await f.consultation(a, '2025-03-31', { personId: mother, categories: ['care'] });
    await f.consultation(b, '2024-08-01', { personId: neighbour, categories: ['care', 'withdrawal'] });
    const scope = await resolveScope(db, base.municipalityId);
    const fy2024 = await concernCooccurrence(db, scope, fiscalYearPeriod(2024));
    expect(fy2024).toEqual(await concernCooccurrence(db, scope, fiscalYearPeriod(2024), { byConsultation: true }));
    expect(fy2024.find((c) => c.a === 'care' && c.b === 'withdrawal')?.households).toBe(2);
    expect(fy2024.find((c) => c.a === 'debt' && c.b === 'debt')?.households).toBe(1);
    expect(fy2024.some((c) => c.a === 'housing' || c.b === 'housing')).toBe(false);
    for (const fy of [2022, 2023, 2025]) {
      expect(await concernCooccurrence(db, scope, fiscalYearPeriod(fy)), `年度 ${fy}`).toEqual(await concernCooccurrence(db, scope, fiscalYearPeriod(fy), { byConsultation: true }));
    }
    expect((await concernCooccurrence(db, scope, fiscalYearPeriod(2023))).map((c) => `${c.a}/${c.b}`)).toEqual(['care/care', 'care/living_costs', 'living_costs/living_costs']);
  });

  it('numbers the categories in SQL (concern_mask) as CONCERN_CATEGORY_CODES does', async () => {
    const { rows } = await sql<{ code: string; mask: number }>`select c as code, concern_mask(array[c]) as mask from unnest(${sql.val([...CONCERN_CATEGORY_CODES])}::text[]) as c`.execute(t.database.db);
    expect(rows).toEqual(CONCERN_CATEGORY_CODES.map((code, i) => ({ code, mask: 2 ** i })));
    const none = await sql<{ mask: number }>`select concern_mask(array['no_such_category']::text[]) as mask`.execute(t.database.db);
    expect(none.rows[0]!.mask).toBe(0);
  });

  it('equals a full recomputation after the demo seed and after every kind of change', async () => {
    await expectInStep('demo seed');
    const db = t.database.db;
    const base = await createFixtureMunicipality(db, { a: null, b: null });
    const [a, b] = [base.agency.a!, base.agency.b!];
    const f = new CaseworkFixture(db, base);
    const mid = base.municipalityId;

    const [mother, son, lodger] = [await f.person(a), await f.person(a), await f.person(b)];
    const home = await f.household(a, [mother, son], '2020-01-01');
    await expectInStep('household without consultations');
    expect(await firstOf(home)).toBeNull();

    const c1 = await f.consultation(a, '2024-06-10', { personId: son, categories: ['withdrawal'] });
    await expectInStep('a member consulted');
    expect(await firstOf(home)).toBe('2024-06-10');
    await f.consultation(b, '2024-05-01', { personId: mother, categories: ['care', 'living_costs'] });
    await f.consultation(a, '2024-07-01', { categories: ['other'] });
    await expectInStep('an earlier consultation of another member, and one of nobody');
    expect(await firstOf(home)).toBe('2024-05-01');

    // A person joins with a consultation of their own: it is the household's now too.
    await f.consultation(b, '2023-02-02', { personId: lodger, categories: ['housing'] });
    await db.insertInto('household_membership').values({ municipality_id: mid, membership_id: newId(), household_id: home, person_id: lodger, joined_on: '2024-08-01' }).execute();
    await expectInStep('a member joined');
    expect(await firstOf(home)).toBe('2023-02-02');

    // They leave: still a former member (time to first owner counts them), no longer a member then for
    // consultations after they left (co-occurrence does not).
    await db.updateTable('household_membership').set({ left_on: '2024-09-01' }).where('person_id', '=', lodger).execute();
    await f.consultation(b, '2024-10-01', { personId: lodger, categories: ['debt'] });
    await expectInStep('a member left, then consulted');
    const memberThen = await db.selectFrom('consultation_household').select(['received_on', 'member_then']).where('person_id', '=', lodger).orderBy('received_on').execute();
    expect(memberThen).toEqual([
      { received_on: '2023-02-02', member_then: true },
      { received_on: '2024-10-01', member_then: false },
    ]);

    // Edits in one statement over several rows: days moved, categories changed, a person unlinked.
    await db.updateTable('consultation').set({ received_on: sql`received_on - 400` }).where('municipality_id', '=', mid).where('person_id', 'in', [mother, son]).execute();
    await expectInStep('days moved back for two persons at once');
    expect(await firstOf(home)).toBe('2023-02-02');
    await db.updateTable('consultation').set({ categories: ['debt', 'housing'], primary_category: 'debt' }).where('consultation_id', '=', c1).execute();
    await db.updateTable('consultation').set({ person_id: null }).where('municipality_id', '=', mid).where('person_id', '=', lodger).execute();
    await expectInStep('categories changed, a person unlinked');
    expect(await firstOf(home)).toBe('2023-03-28');

    // The son moves out to a household of his own; then memberships and consultations are deleted.
    const flat = await f.household(b, [], '2024-01-01');
    await db.updateTable('household_membership').set({ household_id: flat }).where('person_id', '=', son).execute();
    await expectInStep('a membership moved to another household');
    expect(await firstOf(flat)).toBe('2023-05-07');
    await db.deleteFrom('household_membership').where('person_id', '=', son).execute();
    await expectInStep('a membership deleted');
    expect(await firstOf(flat)).toBeNull();
    await db.deleteFrom('consultation').where('municipality_id', '=', mid).where('person_id', '=', mother).execute();
    await expectInStep('consultations deleted');
    expect(await firstOf(home)).toBeNull();
  });

  it('follows an intake made through the API', async () => {
    const houkatsu = await t.signIn('houkatsu1');
    const person = json<{ id: string }>(await houkatsu.post('/api/v1/persons', { familyName: '集計', givenName: '一郎', familyKana: 'しゅうけい' })).id;
    const house = json<{ id: string }>(await houkatsu.post('/api/v1/households', { label: '集計世帯', members: [{ personId: person }] })).id;
    const intake = await houkatsu.post('/api/v1/consultations', { receivedOn: '2025-01-15', route: 'visit', visitor: { kind: 'self' }, personId: person, categories: ['debt', 'housing'], summary: '家賃の滞納' });
    expect(intake.statusCode, intake.body).toBe(201);
    await expectInStep('intake through the API');
    expect(await firstOf(house)).toBe('2025-01-15');
  });

  it('is rebuilt from the records as the generator does after a load with the triggers off', async () => {
    const db = t.database.db;
    const mid = (await sql<{ id: string }>`select municipality_id as id from municipality order by created_at limit 1`.execute(db)).rows[0]!.id;
    await sql`delete from year_concern_mask_count where municipality_id = ${mid}`.execute(db);
    await sql`select analytics_rollup_rebuild(${mid}::uuid)`.execute(db);
    await expectInStep('a rebuild');
  });
});
