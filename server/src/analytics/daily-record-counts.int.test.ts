import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { newId } from '../platform/db/ids.js';
import { createFixtureMunicipality } from './analytics.fixtures.js';
import { CaseworkFixture } from './casework.fixtures.js';
import { derivedDifferences } from './derived-tables.fixtures.js';

/**
 * daily_record_count is derived by triggers (migration 202611301010): summed over its slots, it must equal
 * a count of the consultations (by day received and receiving agency) and 支援経過記録 (by day and writing
 * agency) after every kind of change. The count here is written out on its own, from the records alone.
 */
const RECOMPUTED = `
  select municipality_id, 'consultation' as record_kind, received_on as day, receiving_agency_id as agency_id, count(*)::int as records
    from consultation group by municipality_id, received_on, receiving_agency_id
  union all
  select municipality_id, 'progress_note', occurred_on, author_agency_id, count(*)::int
    from progress_note group by municipality_id, occurred_on, author_agency_id`;
const STORED = `
  select municipality_id, record_kind, day, agency_id, sum(records)::int as records
    from daily_record_count group by municipality_id, record_kind, day, agency_id having sum(records) <> 0`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
}, 60_000);
afterAll(async () => {
  await t?.close();
});

async function expectInStep(step: string): Promise<void> {
  expect(await derivedDifferences(t.database.db, STORED, RECOMPUTED), `daily_record_count after: ${step}`).toEqual([]);
}

async function countOf(kind: 'consultation' | 'progress_note', day: string, agencyId: string): Promise<number> {
  const r = await t.database.db
    .selectFrom('daily_record_count')
    .select((eb) => eb.fn.sum<string>('records').as('n'))
    .where('record_kind', '=', kind)
    .where('day', '=', day)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

describe('consultations and progress notes per day and agency (derived for 見える化)', () => {
  it('equals a count of the records after the demo seed and after every kind of change', async () => {
    await expectInStep('demo seed');
    const db = t.database.db;
    const base = await createFixtureMunicipality(db, { a: null, b: null });
    const [a, b] = [base.agency.a!, base.agency.b!];
    const f = new CaseworkFixture(db, base);

    const person = await f.person(a);
    const first = await f.consultation(a, '2025-05-01', { personId: person });
    await f.consultation(a, '2025-05-01');
    await f.consultation(b, '2025-05-01');
    await expectInStep('consultations');
    expect(await countOf('consultation', '2025-05-01', a)).toBe(2);

    const home = await f.household(a, [person], '2020-01-01');
    const kase = await f.supportCase(home, a, '2025-05-02');
    await f.note(kase, a, '2025-05-03');
    await f.note(kase, b, '2025-05-03', 'phone');
    await expectInStep('progress notes');

    // Several rows in one statement, of several days and agencies.
    await db
      .insertInto('progress_note')
      .values(
        [['2025-05-03', a], ['2025-05-04', a], ['2025-05-04', b], ['2025-05-04', b]].map(([day, agency]) => ({
          municipality_id: base.municipalityId,
          progress_note_id: newId(),
          case_id: kase,
          author_agency_id: agency!,
          author_user_id: base.userId,
          occurred_on: day!,
          kind: 'visit' as const,
          subject: '検証',
          body: '検証',
        })),
      )
      .execute();
    await expectInStep('several notes in one statement');
    expect(await countOf('progress_note', '2025-05-04', b)).toBe(2);

    // Corrections: another day, another agency; and an edit that moves nothing.
    await db.updateTable('consultation').set({ received_on: '2025-06-01' }).where('consultation_id', '=', first).execute();
    await expectInStep('a consultation moved to another day');
    expect(await countOf('consultation', '2025-05-01', a)).toBe(1);
    await db.updateTable('progress_note').set({ author_agency_id: b }).where('case_id', '=', kase).where('occurred_on', '=', '2025-05-03').execute();
    await expectInStep('notes moved to another agency');
    await db.updateTable('progress_note').set({ subject: '訂正' }).where('case_id', '=', kase).execute();
    await expectInStep('notes edited without moving');

    await db.deleteFrom('progress_note').where('case_id', '=', kase).where('occurred_on', '=', '2025-05-04').execute();
    await expectInStep('notes deleted');
    expect(await countOf('progress_note', '2025-05-04', b)).toBe(0);
    await db.deleteFrom('consultation').where('municipality_id', '=', base.municipalityId).where('receiving_agency_id', '=', b).execute();
    await expectInStep('a consultation deleted');
  });

  it('is rebuilt from the records as the generator does after a load with the triggers off', async () => {
    const db = t.database.db;
    const mid = (await sql<{ id: string }>`select municipality_id as id from municipality order by created_at limit 1`.execute(db)).rows[0]!.id;
    await sql`delete from daily_record_count where municipality_id = ${mid}`.execute(db);
    await sql`select analytics_rollup_rebuild(${mid}::uuid)`.execute(db);
    await expectInStep('a rebuild');
  });
});
