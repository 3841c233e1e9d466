import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { newId } from '../platform/db/ids.js';
import { createFixtureMunicipality } from './analytics.fixtures.js';
import { resolveScope } from './analytics-scope.js';
import { noContactCases } from './casework-indicators.js';
import { CaseworkFixture } from './casework.fixtures.js';

/**
 * 未接触 at the edges of the window, in a municipality of its own. asOf 2025-03-31, 30 days → a case is
 * without contact when it opened before 2025-03-01 and has no contact (面談/電話/訪問/同行/メール note or
 * outreach attempt) from 2025-03-01 to 2025-03-31 in Japan:
 * - opened 03-01, nothing → contact (the opening day is in the window)
 * - opened 02-28, nothing → NO contact
 * - note (interview) 03-01 → contact;  note (interview) 02-28 → NO contact
 * - note of kind 'meeting' 03-15 → NO contact (not a contact);  note 04-02 (after asOf) → NO contact
 * - attempt 2025-03-01 00:30 JST (02-28 in UTC) on the case's lead → contact
 * - attempt 2025-02-28 23:30 JST → NO contact
 * - closed on 03-31 → not open;  opened 04-01 → not open yet
 * → open 8, without contact 5.
 */
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
}, 60_000);
afterAll(async () => {
  await t?.close();
});

describe('noContactCases', () => {
  it('counts a case as contacted by anything from asOf − N to asOf, in Japanese days', async () => {
    const db = t.database.db;
    const base = await createFixtureMunicipality(db, { a: null });
    const a = base.agency.a!;
    const f = new CaseworkFixture(db, base);
    const caseOf = async (openedOn: string, closedOn: string | null = null) => f.supportCase(await f.household(a, [await f.person(a)]), a, openedOn, closedOn);
    const attemptAt = async (caseId: string, occurredAt: string) => {
      const leadId = await f.lead(a, null, '2024-01-01');
      const consultationId = await f.consultation(a, '2024-01-02');
      await db
        .updateTable('outreach_lead')
        .set({ status: 'consented', case_id: caseId, consultation_id: consultationId, consented_on: '2024-01-03' })
        .where('municipality_id', '=', f.mid)
        .where('lead_id', '=', leadId)
        .execute();
      await db
        .insertInto('contact_attempt')
        .values({ municipality_id: f.mid, attempt_id: newId(), lead_id: leadId, occurred_at: new Date(occurredAt), kind: 'visit', outcome: 'met', agency_id: a, recorded_by_user_id: base.userId })
        .execute();
    };

    await caseOf('2025-03-01');
    await caseOf('2025-02-28');
    await f.note(await caseOf('2024-01-01'), a, '2025-03-01', 'interview');
    await f.note(await caseOf('2024-01-01'), a, '2025-02-28', 'interview');
    await f.note(await caseOf('2024-01-01'), a, '2025-03-15', 'meeting');
    await f.note(await caseOf('2024-01-01'), a, '2025-04-02', 'visit');
    await attemptAt(await caseOf('2024-01-01'), '2025-03-01T00:30:00+09:00');
    await attemptAt(await caseOf('2024-01-01'), '2025-02-28T23:30:00+09:00');
    await caseOf('2024-01-01', '2025-03-31');
    await caseOf('2025-04-01');

    const scope = await resolveScope(db, f.mid);
    const result = await noContactCases(db, scope, '2025-03-31', 30);
    expect(result).toMatchObject({ openCases: 8, noContact: 5, days: 30, asOf: '2025-03-31' });
    expect((await noContactCases(db, scope, '2025-03-31', 0)).noContact).toBe(8);
    // 400 days back (from 2024-02-25): only the cases whose single note is not a contact or is after asOf.
    expect((await noContactCases(db, scope, '2025-03-31', 400)).noContact).toBe(2);
  });
});
