/**
 * 変更点: the field-by-field difference between two versions of a 支援プラン (pure). Scalar fields
 * are compared one by one (the agreement split into its parts); short goals and actions are matched
 * by their ids, which stay the same across versions. Order changes alone are not reported.
 */
import type { PlanActionContent, PlanContent, ShortGoalContent } from './plan-content.js';

export const SCALAR_FIELDS = [
  'personWords',
  'wishes',
  'longGoal',
  'needs',
  'usesParticipation',
  'usesOutreach',
  'periodFrom',
  'periodTo',
  'nextReviewOn',
  'agreement.agreedOn',
  'agreement.how',
  'agreement.note',
] as const;
export type ScalarField = (typeof SCALAR_FIELDS)[number];
export type ScalarValue = string | boolean | null;

export const ACTION_FIELDS = ['agencyId', 'ownerName', 'description', 'dueOn', 'doneOn'] as const;
export type ActionField = (typeof ACTION_FIELDS)[number];

export interface PlanDiff {
  fields: Array<{ field: ScalarField; before: ScalarValue; after: ScalarValue }>;
  goals: {
    added: ShortGoalContent[];
    removed: ShortGoalContent[];
    changed: Array<{ id: string; before: string; after: string }>;
  };
  actions: {
    added: PlanActionContent[];
    removed: PlanActionContent[];
    changed: Array<{ id: string; fields: ActionField[]; before: PlanActionContent; after: PlanActionContent }>;
  };
}

function scalar(content: PlanContent, field: ScalarField): ScalarValue {
  switch (field) {
    case 'agreement.agreedOn':
      return content.agreement?.agreedOn ?? null;
    case 'agreement.how':
      return content.agreement?.how ?? null;
    case 'agreement.note':
      return content.agreement?.note ?? null;
    default:
      return content[field];
  }
}

/** Items only in `after` (added), only in `before` (removed), and in both but different (changed). */
function byId<T extends { id: string }>(before: readonly T[], after: readonly T[], same: (a: T, b: T) => boolean) {
  const old = new Map(before.map((x) => [x.id, x]));
  const now = new Map(after.map((x) => [x.id, x]));
  return {
    added: after.filter((x) => !old.has(x.id)),
    removed: before.filter((x) => !now.has(x.id)),
    changed: after.flatMap((x) => {
      const prev = old.get(x.id);
      return prev && !same(prev, x) ? [{ before: prev, after: x }] : [];
    }),
  };
}

function actionFieldsChanged(a: PlanActionContent, b: PlanActionContent): ActionField[] {
  return ACTION_FIELDS.filter((f) => (a[f] ?? null) !== (b[f] ?? null));
}

export function diffPlanContent(before: PlanContent, after: PlanContent): PlanDiff {
  const fields = SCALAR_FIELDS.flatMap((field) => {
    const b = scalar(before, field);
    const a = scalar(after, field);
    return b === a ? [] : [{ field, before: b, after: a }];
  });
  const goals = byId(before.shortGoals, after.shortGoals, (x, y) => x.text === y.text);
  const actions = byId(before.actions, after.actions, (x, y) => actionFieldsChanged(x, y).length === 0);
  return {
    fields,
    goals: { added: goals.added, removed: goals.removed, changed: goals.changed.map((c) => ({ id: c.after.id, before: c.before.text, after: c.after.text })) },
    actions: {
      added: actions.added,
      removed: actions.removed,
      changed: actions.changed.map((c) => ({ id: c.after.id, fields: actionFieldsChanged(c.before, c.after), before: c.before, after: c.after })),
    },
  };
}

export function isEmptyDiff(d: PlanDiff): boolean {
  return (
    d.fields.length === 0 &&
    d.goals.added.length + d.goals.removed.length + d.goals.changed.length === 0 &&
    d.actions.added.length + d.actions.removed.length + d.actions.changed.length === 0
  );
}
