/** Zod shapes of the 支援プラン API (validation and OpenAPI); only declared fields leave the server. */
import { z } from 'zod';
import { ACTION_FIELDS, SCALAR_FIELDS } from './plan-diff.js';
import { PlanAction, PlanContent, PlanContentInput, ShortGoal } from './plan-content.js';

const Day = z.iso.date({ error: '日付は YYYY-MM-DD の形で、実在する日を入力してください。' });
const Text = (max: number) => z.string().trim().min(1).max(max);
const Optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((s) => s || null);
export const PlanStatus = z.enum(['active', 'closed', 'suspended', 'superseded']);
const Version = z.number().int().min(1);

export const CreatePlanBody = z.object({ content: PlanContentInput, changeNote: Optional(2000), replacesPlanId: z.uuid().nullish() }).strict();
export const RevisePlanBody = z.object({ version: Version, content: PlanContentInput, changeNote: Text(2000) }).strict();
export const EvaluateBody = z
  .object({
    evaluatedOn: Day.nullish(),
    goals: z.array(z.object({ goalId: z.string().min(1).max(64), progress: Optional(4000), result: Optional(4000) }).strict()).max(20),
    summary: Optional(4000),
    meetingId: z.uuid().nullish(),
  })
  .strict();
export const CloseBody = z.object({ version: Version, outcome: z.enum(['closed', 'suspended']), reason: Text(2000), on: Day.nullish() }).strict();
export const DoneBody = z.object({ version: Version, doneOn: Day.nullish() }).strict();

const Approval = z.object({ meetingId: z.string(), meetingTitle: z.string(), meetingAt: z.string().nullable(), approvedOn: z.string().nullable() }).nullable();
const VersionSummary = z.object({
  versionNo: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
  createdByAgency: z.string(),
  changeNote: z.string().nullable(),
  nextReviewOn: z.string().nullable(),
  approval: Approval,
});
const ActionView = PlanAction.extend({ actionNo: z.number().int(), agencyName: z.string(), overdue: z.boolean() });
export const VersionView = VersionSummary.extend({ content: PlanContent.extend({ actions: z.array(ActionView) }) });

export const PlanView = z.object({
  id: z.string(),
  caseId: z.string(),
  caseStatus: z.enum(['open', 'closed']),
  householdLabel: z.string(),
  leadAgencyId: z.string(),
  leadAgencyName: z.string(),
  status: PlanStatus,
  currentVersion: z.number().int(),
  version: z.number().int(),
  outcomeReason: z.string().nullable(),
  outcomeOn: z.string().nullable(),
  replacesPlanId: z.string().nullable(),
  replacedByPlanId: z.string().nullable(),
  createdAt: z.string(),
  reviewOverdue: z.boolean(),
  canEdit: z.boolean(),
  canReplan: z.boolean(),
  versions: z.array(VersionSummary),
  current: VersionView,
  evaluations: z.array(
    z.object({
      id: z.string(),
      versionNo: z.number().int(),
      evaluatedOn: z.string(),
      goals: z.array(z.object({ goalId: z.string(), progress: z.string().nullable(), result: z.string().nullable() })),
      summary: z.string().nullable(),
      meetingId: z.string().nullable(),
      meetingTitle: z.string().nullable(),
      createdAt: z.string(),
      createdBy: z.string(),
    }),
  ),
});

export const PlanList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      status: PlanStatus,
      currentVersion: z.number().int(),
      periodFrom: z.string(),
      periodTo: z.string(),
      nextReviewOn: z.string().nullable(),
      approvedOn: z.string().nullable(),
      outcomeOn: z.string().nullable(),
      replacesPlanId: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
});

const Scalar = z.union([z.string(), z.boolean(), z.null()]);
const StoredAction = PlanAction;
export const DiffView = z.object({
  planId: z.string(),
  from: z.number().int(),
  to: z.number().int(),
  diff: z.object({
    fields: z.array(z.object({ field: z.enum(SCALAR_FIELDS), before: Scalar, after: Scalar })),
    goals: z.object({ added: z.array(ShortGoal), removed: z.array(ShortGoal), changed: z.array(z.object({ id: z.string(), before: z.string(), after: z.string() })) }),
    actions: z.object({
      added: z.array(StoredAction),
      removed: z.array(StoredAction),
      changed: z.array(z.object({ id: z.string(), fields: z.array(z.enum(ACTION_FIELDS)), before: StoredAction, after: StoredAction })),
    }),
  }),
});

export const Reminders = z.object({
  today: z.string(),
  horizon: z.string(),
  scope: z.enum(['mine', 'agency']),
  counts: z.object({ total: z.number().int(), overdue: z.number().int(), reviews: z.number().int(), actions: z.number().int() }),
  items: z.array(
    z.object({
      kind: z.enum(['review', 'action']),
      planId: z.string(),
      caseId: z.string(),
      householdLabel: z.string(),
      versionNo: z.number().int(),
      actionNo: z.number().int().nullable(),
      agencyId: z.string(),
      agencyName: z.string(),
      ownerName: z.string().nullable(),
      description: z.string().nullable(),
      dueOn: z.string(),
      overdue: z.boolean(),
    }),
  ),
});
