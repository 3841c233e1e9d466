import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestApp, type TestApp } from '../../test/test-app.js';
import { newId } from '../platform/db/ids.js';

/**
 * person_visibility is derived by triggers (migration 202611271100): after every kind of change it
 * must equal a full recomputation from the records — never stale, never wider. The recomputation
 * below is written independently of the triggers, from the access policy's person facts: the
 * registering agency, the current household's registering agency, its open case's lead, and the
 * agencies currently on that case's 支援チーム. Each row carries the person's current name and reading
 * keys (migration 202611301050), which 本人検索 reads from the agency's side.
 */
const PAIRS = `
  select p.municipality_id, p.person_id, p.registered_by_agency_id as agency_id from person p
  union
  select m.municipality_id, m.person_id, h.registered_by_agency_id from household_membership m
    join household h on h.municipality_id = m.municipality_id and h.household_id = m.household_id
    where m.left_on is null
  union
  select m.municipality_id, m.person_id, c.lead_agency_id from household_membership m
    join support_case c on c.municipality_id = m.municipality_id and c.household_id = m.household_id and c.status = 'open'
    where m.left_on is null
  union
  select m.municipality_id, m.person_id, t.agency_id from household_membership m
    join support_case c on c.municipality_id = m.municipality_id and c.household_id = m.household_id and c.status = 'open'
    join support_team_member t on t.municipality_id = c.municipality_id and t.case_id = c.case_id and t.left_on is null and t.agency_id is not null
    where m.left_on is null`;
const RECOMPUTED = `select r.municipality_id, r.person_id, r.agency_id, p.name_key, p.kana_key from (${PAIRS}) r
  join person p on p.municipality_id = r.municipality_id and p.person_id = r.person_id`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function expectInStep(step: string): Promise<number> {
  const stored = 'select municipality_id, person_id, agency_id, name_key, kana_key from person_visibility';
  const diff = await sql
    .raw<{ side: string; person_id: string; agency_id: string }>(
      `(select 'stale or too wide' as side, * from (${stored} except (${RECOMPUTED})) a)
       union all
       (select 'missing' as side, * from ((${RECOMPUTED}) except ${stored}) b)`,
    )
    .execute(t.database.db);
  expect(diff.rows, step).toEqual([]);
  const n = await sql.raw<{ n: string }>('select count(*) as n from person_visibility').execute(t.database.db);
  return Number(n.rows[0]!.n);
}

async function agencyOf(login: string): Promise<string> {
  const c = await t.signIn(login);
  return json<{ agencies: Array<{ id: string }> }>(await c.get('/api/v1/me')).agencies[0]!.id;
}

async function rowsOf(personId: string): Promise<string[]> {
  const r = await t.database.db.selectFrom('person_visibility').select('agency_id').where('person_id', '=', personId).orderBy('agency_id').execute();
  return r.map((x) => x.agency_id);
}

describe('person_visibility (the search key of who may find a person)', () => {
  it('equals a full recomputation after the demo seed and after every kind of change, through the API', async () => {
    await expectInStep('demo seed');
    const houkatsu = await t.signIn('houkatsu1');
    const jiritsu = await t.signIn('jiritsu');
    const soudan = await t.signIn('soudan1');
    const [houkatsuAgency, jiritsuAgency, soudanAgency, shakyoAgency] = [await agencyOf('houkatsu1'), await agencyOf('jiritsu'), await agencyOf('soudan1'), await agencyOf('coordinator')];

    const person = json<{ id: string }>(await jiritsu.post('/api/v1/persons', { familyName: '鍵', givenName: '一郎', familyKana: 'かぎ' })).id;
    await expectInStep('person registered');
    expect(await rowsOf(person)).toEqual([jiritsuAgency]);

    // Lives in a household houkatsu registers → houkatsu may find them too.
    const house = json<{ id: string }>(await houkatsu.post('/api/v1/households', { label: '鍵世帯', members: [] })).id;
    const other = json<{ id: string }>(await houkatsu.post('/api/v1/persons', { familyName: '鍵', givenName: '花子', familyKana: 'かぎ' })).id;
    expect((await houkatsu.post(`/api/v1/households/${house}/members`, { personId: other })).statusCode).toBe(200);
    const shared = json<{ id: string }>(await jiritsu.post('/api/v1/households', { label: '共有世帯', members: [{ personId: person }] })).id;
    await expectInStep('households and members');

    // Renamed (a new name and reading): every agency's row carries the new keys.
    const before = json<{ version: number }>(await jiritsu.get(`/api/v1/persons/${person}`));
    const renamed = await jiritsu.put(`/api/v1/persons/${person}`, { familyName: '鍵屋', givenName: '一郎', familyKana: 'かぎや', version: before.version });
    expect(renamed.statusCode).toBe(200);
    await expectInStep('person renamed');
    const keys = await t.database.db.selectFrom('person_visibility').select(['name_key', 'kana_key']).where('person_id', '=', person).execute();
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) expect([k.name_key, k.kana_key]).toEqual(['鍵屋一郎', 'かぎや']);

    // A case on jiritsu's household, handed to soudan1's agency: the new lead finds the members.
    const kase = json<{ id: string; version: number }>(await jiritsu.post('/api/v1/cases', { householdId: shared }));
    await expectInStep('case opened');
    await jiritsu.post(`/api/v1/cases/${kase.id}/transfer`, { toAgencyId: soudanAgency, reason: '障害福祉サービスの調整', version: kase.version });
    const transfer = json<{ items: Array<{ transferId: string }> }>(await soudan.get('/api/v1/case-transfers/inbox')).items[0]!;
    expect((await soudan.post(`/api/v1/case-transfers/${transfer.transferId}/accept`)).statusCode).toBe(200);
    await expectInStep('lead transferred');
    expect(await rowsOf(person)).toContain(soudanAgency);

    // 支援チーム: 社協 joins (finds the members), then leaves (no longer does).
    const team = await soudan.post(`/api/v1/cases/${kase.id}/team`, { agencyId: shakyoAgency, role: '見守り' });
    expect(team.statusCode).toBe(201);
    await expectInStep('team member added');
    expect(await rowsOf(person)).toContain(shakyoAgency);
    const member = json<{ id: string; version: number }>(team);
    expect((await soudan.post(`/api/v1/team-members/${member.id}/leave`, { version: member.version })).statusCode).toBe(200);
    await expectInStep('team member left');
    expect(await rowsOf(person)).not.toContain(shakyoAgency);

    // The person moves to another jiritsu household: the old household's case lead loses them.
    const moved = json<{ id: string }>(await jiritsu.post('/api/v1/households', { label: '転居先', members: [] })).id;
    expect((await jiritsu.post(`/api/v1/households/${moved}/members`, { personId: person })).statusCode).toBe(200);
    await expectInStep('person moved');
    expect(await rowsOf(person)).toEqual([jiritsuAgency]);

    // Closing the case: its lead no longer finds the members that stayed.
    const stayer = json<{ id: string }>(await jiritsu.post('/api/v1/persons', { familyName: '鍵', givenName: '三郎', familyKana: 'かぎ' })).id;
    expect((await jiritsu.post(`/api/v1/households/${shared}/members`, { personId: stayer })).statusCode).toBe(200);
    await expectInStep('member added to a household with an open case');
    expect(await rowsOf(stayer)).toContain(soudanAgency);
    const current = json<{ version: number }>(await soudan.get(`/api/v1/cases/${kase.id}`));
    expect((await soudan.post(`/api/v1/cases/${kase.id}/close`, { reason: '目標を達成', version: current.version })).statusCode).toBe(200);
    await expectInStep('case closed');
    expect(await rowsOf(stayer)).toEqual([jiritsuAgency]);
    expect(await rowsOf(other)).toEqual([houkatsuAgency]);
  });

  it('follows changes no use case makes today (direct SQL), in bulk and one by one', async () => {
    const db = t.database.db;
    const mid = t.municipalityId;
    const [houkatsuAgency, kodomoAgency] = [await agencyOf('houkatsu1'), await agencyOf('kodomo')];
    const user = await db.selectFrom('app_user').select('user_id').where('login_name', '=', 'houkatsu1').executeTakeFirstOrThrow();
    const persons = Array.from({ length: 5 }, () => newId());
    const house = newId();
    const today = '2026-04-01';
    await db.insertInto('household').values({ municipality_id: mid, household_id: house, label: '一括世帯', registered_by_agency_id: houkatsuAgency }).execute();
    await db
      .insertInto('person')
      .values(persons.map((id, i) => ({ municipality_id: mid, person_id: id, family_name: '一括', given_name: `${i}`, name_key: `一括${i}`, registered_by_agency_id: kodomoAgency })))
      .execute();
    await db
      .insertInto('household_membership')
      .values(persons.map((id) => ({ municipality_id: mid, membership_id: newId(), household_id: house, person_id: id, joined_on: today })))
      .execute();
    await expectInStep('bulk insert');
    const caseId = newId();
    await db.insertInto('support_case').values({ municipality_id: mid, case_id: caseId, household_id: house, lead_agency_id: houkatsuAgency, opened_on: today, opened_by_user_id: user.user_id }).execute();
    await db
      .insertInto('support_team_member')
      .values({ municipality_id: mid, team_member_id: newId(), case_id: caseId, member_kind: 'agency', agency_id: kodomoAgency, role: '見守り', joined_on: today, added_by_user_id: user.user_id })
      .execute();
    await expectInStep('case and team in bulk');
    await db.updateTable('household').set({ registered_by_agency_id: kodomoAgency }).where('household_id', '=', house).execute();
    await expectInStep('household re-registered');
    await db.updateTable('person').set({ registered_by_agency_id: houkatsuAgency }).where('person_id', '=', persons[0]!).execute();
    await expectInStep('person re-registered');
    await db.updateTable('person').set({ name_key: '改名', kana_key: 'かいめい' }).where('person_id', 'in', persons.slice(0, 3)).execute();
    await expectInStep('keys changed in bulk');
    await db.updateTable('support_case').set({ lead_agency_id: kodomoAgency }).where('case_id', '=', caseId).execute();
    await expectInStep('lead changed');
    await db.updateTable('household_membership').set({ left_on: today }).where('person_id', '=', persons[1]!).execute();
    await expectInStep('member left');
    await db.deleteFrom('household_membership').where('person_id', '=', persons[2]!).execute();
    await expectInStep('membership deleted');
    await db.deleteFrom('support_team_member').where('case_id', '=', caseId).execute();
    await db.deleteFrom('support_case').where('case_id', '=', caseId).execute();
    await expectInStep('case deleted');
    await db.deleteFrom('household_membership').where('person_id', '=', persons[3]!).execute();
    await db.deleteFrom('person').where('person_id', '=', persons[3]!).execute();
    await expectInStep('person deleted');
    expect(await rowsOf(persons[3]!)).toEqual([]);
  });

  it('cannot be written directly: an insert is dropped, an update or delete refused', async () => {
    const db = t.database.db;
    const before = await expectInStep('before direct writes');
    const person = await db.selectFrom('person').select('person_id').limit(1).executeTakeFirstOrThrow();
    const stranger = await agencyOf('kodomo');
    const widened = await rowsOf(person.person_id);
    await db.insertInto('person_visibility').values({ municipality_id: t.municipalityId, person_id: person.person_id, agency_id: newId() }).execute();
    if (!widened.includes(stranger)) await db.insertInto('person_visibility').values({ municipality_id: t.municipalityId, person_id: person.person_id, agency_id: stranger }).execute();
    expect(await rowsOf(person.person_id)).toEqual(widened);
    await expect(db.deleteFrom('person_visibility').where('person_id', '=', person.person_id).execute()).rejects.toThrow(/derived/);
    await expect(db.updateTable('person_visibility').set({ agency_id: stranger }).where('person_id', '=', person.person_id).execute()).rejects.toThrow(/derived/);
    expect(await expectInStep('after direct writes')).toBe(before);
  });

  it('stays exact when two transactions change a household and its members at once (PostgreSQL: the second waits for the first)', async () => {
    const db = t.database.db;
    const mid = t.municipalityId;
    const [houkatsuAgency, kodomoAgency, jiritsuAgency] = [await agencyOf('houkatsu1'), await agencyOf('kodomo'), await agencyOf('jiritsu')];
    const user = await db.selectFrom('app_user').select('user_id').where('login_name', '=', 'houkatsu1').executeTakeFirstOrThrow();
    const today = '2026-04-01';
    const house = newId();
    const caseId = newId();
    const [joining, leaving] = [newId(), newId()];
    const leavingMembership = newId();
    await db.insertInto('household').values({ municipality_id: mid, household_id: house, label: '同時世帯', registered_by_agency_id: houkatsuAgency }).execute();
    await db
      .insertInto('person')
      .values([joining, leaving].map((id) => ({ municipality_id: mid, person_id: id, family_name: '同時', given_name: '', name_key: '同時', registered_by_agency_id: houkatsuAgency })))
      .execute();
    await db.insertInto('household_membership').values({ municipality_id: mid, membership_id: leavingMembership, household_id: house, person_id: leaving, joined_on: today }).execute();
    await db.insertInto('support_case').values({ municipality_id: mid, case_id: caseId, household_id: house, lead_agency_id: houkatsuAgency, opened_on: today, opened_by_user_id: user.user_id }).execute();

    // One transaction moves a person in and another out; the other puts two agencies on the case's team.
    let firstDone!: () => void;
    const firstWrote = new Promise<void>((resolve) => {
      firstDone = resolve;
    });
    const members = db.transaction().execute(async (trx) => {
      await trx.insertInto('household_membership').values({ municipality_id: mid, membership_id: newId(), household_id: house, person_id: joining, joined_on: today }).execute();
      await trx.updateTable('household_membership').set({ left_on: today }).where('membership_id', '=', leavingMembership).execute();
      firstDone();
      await new Promise((r) => setTimeout(r, 150));
    });
    const team = async () =>
      db
        .insertInto('support_team_member')
        .values([kodomoAgency, jiritsuAgency].map((agency) => ({ municipality_id: mid, team_member_id: newId(), case_id: caseId, member_kind: 'agency' as const, agency_id: agency, role: '見守り', joined_on: today, added_by_user_id: user.user_id })))
        .execute();
    if (t.database.kind === 'postgres') {
      await firstWrote;
      await Promise.all([members, team()]);
    } else {
      await members; // PGlite has one connection: transactions run one after another
      await team();
    }
    await expectInStep('concurrent membership and team changes');
    expect(await rowsOf(joining)).toEqual([houkatsuAgency, kodomoAgency, jiritsuAgency].sort());
    expect(await rowsOf(leaving)).toEqual([houkatsuAgency]);
  });
});
