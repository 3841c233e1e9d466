/**
 * 支援プラン（プラン兼利用申込書）の内容: one version's content, stored as JSON in
 * support_plan_version.content and never updated. The Zod schema checks the shape (and is the
 * OpenAPI body); `planContentProblems` checks the rules between fields, with Japanese messages.
 * Short goals and actions carry ids that stay the same across versions, so versions can be diffed.
 */
import { z } from 'zod';
import { newId } from '../../platform/db/ids.js';

const Day = z.iso.date({ error: '日付は YYYY-MM-DD の形で、実在する日を入力してください。' });
const Text = (max: number) => z.string().trim().min(1, { error: 'この項目は必須です。' }).max(max);
const Optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((s) => s || null);
const ItemId = z.string().trim().min(1).max(64);

export const AGREEMENT_HOW = ['signature', 'verbal', 'other'] as const;

/** Stored shapes (also the response shapes: no transforms, every optional field present as null). */
export const ShortGoal = z.object({ id: z.string(), text: z.string() });
export const PlanAction = z.object({
  id: z.string(),
  agencyId: z.string(),
  ownerName: z.string().nullable(),
  description: z.string(),
  dueOn: z.string().nullable(),
  doneOn: z.string().nullable(),
});

/** Stored content: every goal and action has its id. */
export const PlanContent = z.object({
  personWords: z.string(),
  wishes: z.string(),
  longGoal: z.string(),
  shortGoals: z.array(ShortGoal),
  needs: z.string(),
  actions: z.array(PlanAction),
  usesParticipation: z.boolean(),
  usesOutreach: z.boolean(),
  periodFrom: z.string(),
  periodTo: z.string(),
  nextReviewOn: z.string(),
  agreement: z.object({ agreedOn: z.string(), how: z.enum(AGREEMENT_HOW), note: z.string().nullable() }).nullable(),
});
export type PlanContent = z.infer<typeof PlanContent>;
export type PlanActionContent = PlanContent['actions'][number];
export type ShortGoalContent = PlanContent['shortGoals'][number];

const DayOrNull = Day.nullish().transform((d) => d ?? null);
const GoalInput = z.object({ id: ItemId.optional(), text: Text(1000) }).strict();
const ActionInput = z
  .object({ id: ItemId.optional(), agencyId: z.uuid(), ownerName: Optional(100), description: Text(2000), dueOn: DayOrNull, doneOn: DayOrNull })
  .strict();
const AgreementInput = z.object({ agreedOn: Day, how: z.enum(AGREEMENT_HOW), note: Optional(500) }).strict();

/** What a client sends: new goals and actions may come without an id (the server gives one). */
export const PlanContentInput = z
  .object({
    personWords: Text(4000), // 本人の言葉
    wishes: Text(4000), // 希望
    longGoal: Text(2000), // 長期目標
    shortGoals: z.array(GoalInput).min(1, { error: '短期目標を1つ以上入力してください。' }).max(20), // 短期目標
    needs: Text(4000), // 課題・ニーズ
    actions: z.array(ActionInput).max(50), // 役割分担
    usesParticipation: z.boolean(), // 参加支援の利用
    usesOutreach: z.boolean(), // アウトリーチの利用
    periodFrom: Day,
    periodTo: Day,
    nextReviewOn: Day,
    agreement: AgreementInput.nullable(), // 本人の同意
  })
  .strict();
export type PlanContentInput = z.output<typeof PlanContentInput>;

export const PLAN_MESSAGES = {
  periodOrder: '期間の終わりは始まりと同じか、それより後の日付にしてください。',
  periodTooLong: '支援期間は3年以内にしてください。',
  reviewOutsidePeriod: '次回見直し日は支援期間の中の日付にしてください。',
  reviewPast: '次回見直し日は今日以降の日付にしてください。',
  reviewTooFar: '次回見直し日は今日から1年以内にしてください。',
  agreementFuture: '同意日に未来の日付は入力できません。',
  agreementNote: '同意の方法が「その他」のときは、内容を入力してください。',
  doneFuture: '完了日に未来の日付は入力できません。',
  duplicateGoal: '短期目標のIDが重複しています。',
  duplicateAction: '役割分担のIDが重複しています。',
  agencyNotOnTeam: '役割分担の機関は、主担当の機関か支援チームの機関から選んでください。',
} as const;

export interface FieldProblem {
  path: string;
  message: string;
}

/** Adds `days` to an ISO date (YYYY-MM-DD), calendar arithmetic in UTC. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function addYears(iso: string, years: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

/**
 * Rules between fields (pure). `today` is the Japan date of the change; `allowedAgencyIds` are the
 * case's lead and current 支援チーム agencies (actions may name no one else).
 */
export function planContentProblems(content: PlanContentInput, ctx: { today: string; allowedAgencyIds: readonly string[] }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  if (content.periodTo < content.periodFrom) add('periodTo', PLAN_MESSAGES.periodOrder);
  else if (content.periodTo > addYears(content.periodFrom, 3)) add('periodTo', PLAN_MESSAGES.periodTooLong);
  if (content.nextReviewOn < content.periodFrom || content.nextReviewOn > content.periodTo) add('nextReviewOn', PLAN_MESSAGES.reviewOutsidePeriod);
  else if (content.nextReviewOn < ctx.today) add('nextReviewOn', PLAN_MESSAGES.reviewPast);
  else if (content.nextReviewOn > addYears(ctx.today, 1)) add('nextReviewOn', PLAN_MESSAGES.reviewTooFar);
  if (content.agreement) {
    if (content.agreement.agreedOn > ctx.today) add('agreement.agreedOn', PLAN_MESSAGES.agreementFuture);
    if (content.agreement.how === 'other' && !content.agreement.note) add('agreement.note', PLAN_MESSAGES.agreementNote);
  }
  const goalIds = new Set<string>();
  content.shortGoals.forEach((g, i) => {
    if (g.id === undefined) return;
    if (goalIds.has(g.id)) add(`shortGoals.${i}.id`, PLAN_MESSAGES.duplicateGoal);
    goalIds.add(g.id);
  });
  const actionIds = new Set<string>();
  content.actions.forEach((a, i) => {
    if (!ctx.allowedAgencyIds.includes(a.agencyId)) add(`actions.${i}.agencyId`, PLAN_MESSAGES.agencyNotOnTeam);
    if (a.doneOn && a.doneOn > ctx.today) add(`actions.${i}.doneOn`, PLAN_MESSAGES.doneFuture);
    if (a.id === undefined) return;
    if (actionIds.has(a.id)) add(`actions.${i}.id`, PLAN_MESSAGES.duplicateAction);
    actionIds.add(a.id);
  });
  return problems;
}

/** Gives every new goal and action an id; ids sent back by the client are kept as they are. */
export function withIds(content: PlanContentInput, makeId: () => string = newId): PlanContent {
  return {
    ...content,
    shortGoals: content.shortGoals.map((g) => ({ ...g, id: g.id ?? makeId() })),
    actions: content.actions.map((a) => ({ ...a, id: a.id ?? makeId() })),
  };
}
