import { authorize } from '../../platform/access/authorize.js';
import { audit } from '../../platform/audit/record-audit.js';
import type { Ctx } from '../../platform/context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/http/errors.js';
import { listVersions, planCaseFacts, planFacts } from './plan.repo.js';
import { loadPlanView, loadVersionView, type PlanView, type VersionView } from './plan-view.js';

/** 支援プランの閲覧: the current version, every version's summary, evaluations and outcome (audited). */
export async function viewPlan(ctx: Ctx, planId: string): Promise<PlanView> {
  return inTransaction(ctx, async (tx) => {
    const { plan, facts } = await planFacts(tx.db, tx.actor.municipalityId, planId);
    const basis = authorize(tx, 'read', facts);
    if (!plan) throw new AppError('not_found');
    await audit(tx, { action: 'plan.read', targetType: 'plan', targetId: planId, basis, details: { versionNo: plan.current_version } });
    return loadPlanView(tx, planId, facts);
  });
}

/** 第N版の閲覧: any version stays readable as it was written (audited). */
export async function viewPlanVersion(ctx: Ctx, planId: string, versionNo: number): Promise<VersionView & { planId: string }> {
  return inTransaction(ctx, async (tx) => {
    const { plan, facts } = await planFacts(tx.db, tx.actor.municipalityId, planId);
    const basis = authorize(tx, 'read', facts);
    if (!plan) throw new AppError('not_found');
    const view = await loadVersionView(tx, planId, await listVersions(tx.db, tx.actor.municipalityId, planId), versionNo);
    await audit(tx, { action: 'plan.read', targetType: 'plan', targetId: planId, basis, details: { versionNo } });
    return { planId, ...view };
  });
}

/** 支援プランの一覧 of a case, newest first (read like the case). */
export async function listCasePlans(ctx: Ctx, caseId: string) {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const facts = await planCaseFacts(tx.db, mid, caseId);
    const basis = authorize(tx, 'read', { ...facts, id: caseId }, { auditAction: 'plan.list' });
    const rows = await tx.db
      .selectFrom('support_plan as p')
      .innerJoin('support_plan_version as v', (j) =>
        j.onRef('v.municipality_id', '=', 'p.municipality_id').onRef('v.plan_id', '=', 'p.plan_id').onRef('v.version_no', '=', 'p.current_version'),
      )
      .select(['p.plan_id', 'p.status', 'p.current_version', 'p.outcome_on', 'p.replaces_plan_id', 'p.created_at', 'v.next_review_on', 'v.approved_on', 'v.content'])
      .where('p.municipality_id', '=', mid)
      .where('p.case_id', '=', caseId)
      .orderBy('p.created_at', 'desc')
      .orderBy('p.plan_id', 'desc')
      .execute();
    await audit(tx, { action: 'plan.list', targetType: 'case', targetId: caseId, basis, details: { returned: rows.length } });
    return {
      items: rows.map((r) => {
        const c = (typeof r.content === 'string' ? JSON.parse(r.content) : r.content) as { periodFrom: string; periodTo: string };
        return {
          id: r.plan_id,
          status: r.status,
          currentVersion: r.current_version,
          periodFrom: c.periodFrom,
          periodTo: c.periodTo,
          nextReviewOn: r.next_review_on,
          approvedOn: r.approved_on,
          outcomeOn: r.outcome_on,
          replacesPlanId: r.replaces_plan_id,
          createdAt: new Date(r.created_at).toISOString(),
        };
      }),
    };
  });
}
