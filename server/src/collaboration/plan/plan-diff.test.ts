import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlanContent } from './plan-content.js';
import { diffPlanContent, isEmptyDiff } from './plan-diff.js';

const AGENCY = '0190a000-0000-7000-8000-000000000001';
const base: PlanContent = {
  personWords: '働きたい',
  wishes: '家族と暮らしたい',
  longGoal: '安定した生活',
  shortGoals: [
    { id: 'g1', text: '生活リズムを整える' },
    { id: 'g2', text: '家計を見直す' },
  ],
  needs: '収入が不安定',
  actions: [{ id: 'a1', agencyId: AGENCY, ownerName: '東', description: '家計相談', dueOn: '2026-12-10', doneOn: null }],
  usesParticipation: true,
  usesOutreach: false,
  periodFrom: '2026-11-26',
  periodTo: '2027-05-31',
  nextReviewOn: '2027-02-26',
  agreement: { agreedOn: '2026-11-26', how: 'signature', note: null },
};

describe('変更点 (diff of two versions)', () => {
  it('lists changed fields, goals and actions by id', () => {
    const next: PlanContent = {
      ...base,
      longGoal: '就労して安定した生活',
      usesOutreach: true,
      agreement: { agreedOn: '2026-11-26', how: 'verbal', note: null },
      shortGoals: [{ id: 'g1', text: '毎朝8時に起きる' }, { id: 'g3', text: '就労体験に参加する' }],
      actions: [{ ...base.actions[0]!, dueOn: '2026-12-20' }, { id: 'a2', agencyId: AGENCY, ownerName: null, description: '同行', dueOn: null, doneOn: null }],
    };
    const d = diffPlanContent(base, next);
    expect(d.fields).toEqual([
      { field: 'longGoal', before: '安定した生活', after: '就労して安定した生活' },
      { field: 'usesOutreach', before: false, after: true },
      { field: 'agreement.how', before: 'signature', after: 'verbal' },
    ]);
    expect(d.goals).toEqual({
      added: [{ id: 'g3', text: '就労体験に参加する' }],
      removed: [{ id: 'g2', text: '家計を見直す' }],
      changed: [{ id: 'g1', before: '生活リズムを整える', after: '毎朝8時に起きる' }],
    });
    expect(d.actions.added.map((a) => a.id)).toEqual(['a2']);
    expect(d.actions.removed).toEqual([]);
    expect(d.actions.changed).toEqual([{ id: 'a1', fields: ['dueOn'], before: base.actions[0], after: next.actions[0] }]);
  });

  it('an agreement given later shows as its parts changing from empty', () => {
    const d = diffPlanContent({ ...base, agreement: null }, base);
    expect(d.fields.map((f) => [f.field, f.before, f.after])).toEqual([
      ['agreement.agreedOn', null, '2026-11-26'],
      ['agreement.how', null, 'signature'],
    ]);
  });

  const text = fc.string({ minLength: 1, maxLength: 6 });
  const goals = fc.uniqueArray(fc.record({ id: fc.constantFrom('g1', 'g2', 'g3', 'g4'), text }), { selector: (g) => g.id, maxLength: 4 });
  const actions = fc.uniqueArray(
    fc.record({
      id: fc.constantFrom('a1', 'a2', 'a3'),
      agencyId: fc.constant(AGENCY),
      ownerName: fc.option(text, { nil: null }),
      description: text,
      dueOn: fc.option(fc.constantFrom('2026-12-01', '2027-01-01'), { nil: null }),
      doneOn: fc.option(fc.constant('2026-11-30'), { nil: null }),
    }),
    { selector: (a) => a.id, maxLength: 3 },
  );
  const contents = fc.record({ longGoal: text, usesOutreach: fc.boolean(), shortGoals: goals, actions }).map((c) => ({ ...base, ...c }));

  it('property: a version compared with itself has no changes, and with a reordering neither', () => {
    fc.assert(
      fc.property(contents, (c) => {
        expect(isEmptyDiff(diffPlanContent(c, c))).toBe(true);
        expect(isEmptyDiff(diffPlanContent(c, { ...c, shortGoals: [...c.shortGoals].reverse(), actions: [...c.actions].reverse() }))).toBe(true);
      }),
    );
  });

  it('property: swapping the versions swaps added/removed and before/after', () => {
    fc.assert(
      fc.property(contents, contents, (a, b) => {
        const ab = diffPlanContent(a, b);
        const ba = diffPlanContent(b, a);
        expect(ba.goals.added).toEqual(ab.goals.removed);
        expect(new Set(ba.actions.removed.map((x) => x.id))).toEqual(new Set(ab.actions.added.map((x) => x.id)));
        expect(ba.fields).toEqual(ab.fields.map((f) => ({ field: f.field, before: f.after, after: f.before })));
        expect(ba.goals.changed.map((c) => c.id).sort()).toEqual(ab.goals.changed.map((c) => c.id).sort());
        expect(isEmptyDiff(ab)).toBe(isEmptyDiff(ba));
      }),
    );
  });
});
