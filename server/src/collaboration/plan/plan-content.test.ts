import { describe, expect, it } from 'vitest';
import { PLAN_MESSAGES, PlanContentInput, type PlanContentInput as Input, planContentProblems, withIds } from './plan-content.js';

const LEAD = '0190a000-0000-7000-8000-000000000001';
const TEAM = '0190a000-0000-7000-8000-000000000002';
const OTHER = '0190a000-0000-7000-8000-000000000003';
const ctx = { today: '2026-11-26', allowedAgencyIds: [LEAD, TEAM] };

function content(over: Partial<Input> = {}): Input {
  return PlanContentInput.parse({
    personWords: '働きたい',
    wishes: '家族と暮らしたい',
    longGoal: '安定した生活',
    shortGoals: [{ text: '生活リズムを整える' }],
    needs: '収入が不安定',
    actions: [{ agencyId: LEAD, description: '家計相談', dueOn: '2026-12-10' }],
    usesParticipation: true,
    usesOutreach: false,
    periodFrom: '2026-11-26',
    periodTo: '2027-05-31',
    nextReviewOn: '2027-02-26',
    agreement: { agreedOn: '2026-11-26', how: 'signature' },
    ...over,
  });
}
const messages = (c: Input) => planContentProblems(c, ctx).map((p) => `${p.path}: ${p.message}`);

describe('支援プランの内容の規則', () => {
  it('accepts a complete plan', () => {
    expect(messages(content())).toEqual([]);
  });

  it('the period must not end before it starts, nor last more than three years', () => {
    expect(messages(content({ periodTo: '2026-11-25', nextReviewOn: '2026-11-26' }))).toContain(`periodTo: ${PLAN_MESSAGES.periodOrder}`);
    expect(messages(content({ periodTo: '2029-11-27' }))).toContain(`periodTo: ${PLAN_MESSAGES.periodTooLong}`);
    expect(messages(content({ periodTo: '2026-11-26', nextReviewOn: '2026-11-26' }))).toEqual([]);
  });

  it('the next review lies inside the period, not before today and within a year', () => {
    expect(messages(content({ nextReviewOn: '2027-06-01' }))).toEqual([`nextReviewOn: ${PLAN_MESSAGES.reviewOutsidePeriod}`]);
    expect(messages(content({ periodFrom: '2026-10-01', nextReviewOn: '2026-11-25' }))).toEqual([`nextReviewOn: ${PLAN_MESSAGES.reviewPast}`]);
    expect(messages(content({ periodTo: '2028-12-31', nextReviewOn: '2027-11-27' }))).toEqual([`nextReviewOn: ${PLAN_MESSAGES.reviewTooFar}`]);
  });

  it('an action names the lead or a 支援チーム agency; done dates are not in the future', () => {
    const c = content({ actions: [{ id: 'a1', agencyId: OTHER, ownerName: null, description: 'x', dueOn: null, doneOn: '2026-11-27' }] });
    expect(messages(c)).toEqual([`actions.0.agencyId: ${PLAN_MESSAGES.agencyNotOnTeam}`, `actions.0.doneOn: ${PLAN_MESSAGES.doneFuture}`]);
  });

  it('the agreement is not in the future, and "other" needs a note', () => {
    expect(messages(content({ agreement: { agreedOn: '2026-11-27', how: 'other', note: null } }))).toEqual([
      `agreement.agreedOn: ${PLAN_MESSAGES.agreementFuture}`,
      `agreement.note: ${PLAN_MESSAGES.agreementNote}`,
    ]);
    expect(messages(content({ agreement: null }))).toEqual([]);
  });

  it('ids of goals and actions are unique; new ones get an id, given ones are kept', () => {
    const dup = content({ shortGoals: [{ id: 'g', text: 'a' }, { id: 'g', text: 'b' }] });
    expect(messages(dup)).toEqual([`shortGoals.1.id: ${PLAN_MESSAGES.duplicateGoal}`]);
    let n = 0;
    const stored = withIds(content({ shortGoals: [{ id: 'keep', text: 'a' }, { text: 'b' }] }), () => `new-${++n}`);
    expect(stored.shortGoals.map((g) => g.id)).toEqual(['keep', 'new-1']);
    expect(stored.actions.map((a) => a.id)).toEqual(['new-2']);
  });

  it('the shape is checked with Japanese messages (at least one short goal, required texts)', () => {
    const r = PlanContentInput.safeParse({ ...content(), shortGoals: [], personWords: ' ' });
    expect(r.success).toBe(false);
    const msgs = r.error!.issues.map((i) => i.message);
    expect(msgs).toContain('短期目標を1つ以上入力してください。');
    expect(msgs).toContain('この項目は必須です。');
  });
});
