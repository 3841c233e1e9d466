/** Presenters for 支援プラン: a version (プラン兼利用申込書 content) and the whole plan. */
import { can } from '../../platform/access/policy.js';
import type { RecordFacts } from '../../platform/access/index.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/http/errors.js';
import { isoDayInJapan } from '../../consultation/japanese/japanese-date.js';
import { findPlan, listEvaluations, listVersions, loadVersionContent, type PlanRow, replacedBy, type VersionRow } from './plan.repo.js';

const iso = (d: Date | string) => new Date(d).toISOString();

function versionSummary(v: VersionRow) {
  return {
    versionNo: v.version_no,
    createdAt: iso(v.created_at),
    createdBy: v.display_name,
    createdByAgency: v.agency_name,
    changeNote: v.change_note,
    nextReviewOn: v.next_review_on,
    approval: v.approved_meeting_id
      ? { meetingId: v.approved_meeting_id, meetingTitle: v.meeting_title ?? '', meetingAt: v.meeting_at ? iso(v.meeting_at) : null, approvedOn: v.approved_on }
      : null,
  };
}
export type VersionSummary = ReturnType<typeof versionSummary>;

/** One version in full; actions carry their number (for 完了), agency name and an overdue flag. */
export async function loadVersionView(tx: Ctx, planId: string, versions: VersionRow[], versionNo: number) {
  const row = versions.find((v) => v.version_no === versionNo);
  const loaded = row ? await loadVersionContent(tx.db, tx.actor.municipalityId, planId, versionNo) : null;
  if (!row || !loaded) throw new AppError('not_found', undefined, '指定された版が見つかりません。');
  const today = isoDayInJapan(tx.now);
  const { content, actionRows } = loaded;
  return {
    ...versionSummary(row),
    content: {
      ...content,
      actions: content.actions.map((a, i) => ({
        ...a,
        actionNo: i + 1,
        agencyName: actionRows[i]?.name ?? '',
        overdue: !a.doneOn && !!a.dueOn && a.dueOn < today,
      })),
    },
  };
}
export type VersionView = Awaited<ReturnType<typeof loadVersionView>>;

/** The plan with its current version, every version's summary and the evaluations. */
export async function loadPlanView(tx: Ctx, planId: string, facts: RecordFacts) {
  const mid = tx.actor.municipalityId;
  const plan: PlanRow | undefined = await findPlan(tx.db, mid, planId);
  if (!plan) throw new AppError('not_found');
  const versions = await listVersions(tx.db, mid, planId);
  const current = await loadVersionView(tx, planId, versions, plan.current_version);
  const evaluations = await listEvaluations(tx.db, mid, planId);
  const mayUpdate = can(tx.actor, 'update', facts, { now: tx.now }).allowed;
  const today = isoDayInJapan(tx.now);
  return {
    id: plan.plan_id,
    caseId: plan.case_id,
    caseStatus: plan.case_status,
    householdLabel: plan.household_label,
    leadAgencyId: plan.lead_agency_id,
    leadAgencyName: plan.lead_agency_name,
    status: plan.status,
    currentVersion: plan.current_version,
    version: plan.version,
    outcomeReason: plan.outcome_reason,
    outcomeOn: plan.outcome_on,
    replacesPlanId: plan.replaces_plan_id,
    replacedByPlanId: await replacedBy(tx.db, mid, planId),
    createdAt: iso(plan.created_at),
    reviewOverdue: plan.status === 'active' && !!current.nextReviewOn && current.nextReviewOn < today,
    canEdit: mayUpdate && plan.status === 'active',
    canReplan: mayUpdate && (plan.status === 'closed' || plan.status === 'suspended') && plan.case_status === 'open',
    versions: versions.map(versionSummary),
    current,
    evaluations: evaluations.map((e) => ({
      id: e.evaluation_id,
      versionNo: e.version_no,
      evaluatedOn: e.evaluated_on,
      goals: (typeof e.goals === 'string' ? JSON.parse(e.goals) : e.goals) as Array<{ goalId: string; progress: string | null; result: string | null }>,
      summary: e.summary,
      meetingId: e.meeting_id,
      meetingTitle: e.meeting_title,
      createdAt: iso(e.created_at),
      createdBy: e.display_name,
    })),
  };
}
export type PlanView = Awaited<ReturnType<typeof loadPlanView>>;
