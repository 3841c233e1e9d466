import { authorize } from '../../platform/access/authorize.js';
import { audit } from '../../platform/audit/record-audit.js';
import type { Ctx } from '../../platform/context.js';
import { newId } from '../../platform/db/ids.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/http/errors.js';
import { isoDayInJapan } from '../../consultation/japanese/japanese-date.js';
import { loadVersionContent, planFacts } from './plan.repo.js';
import { invalid } from './plan-rules.js';
import { loadPlanView, type PlanView } from './plan-view.js';

export interface EvaluatePlanInput {
  evaluatedOn?: string | null | undefined;
  /** 経過・成果 per short goal of the current version. */
  goals: Array<{ goalId: string; progress: string | null; result: string | null }>;
  summary?: string | null | undefined;
  /** The meeting where it was evaluated (the case must be on its agenda). */
  meetingId?: string | null | undefined;
}

/** 評価: 経過・成果 per short goal of the current version, a summary, optionally at a meeting. */
export async function evaluatePlan(ctx: Ctx, planId: string, input: EvaluatePlanInput): Promise<PlanView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const { plan, facts } = await planFacts(tx.db, mid, planId);
    const basis = authorize(tx, 'update', facts, { auditAction: 'plan.evaluate' });
    if (!plan) throw new AppError('not_found');
    if (plan.status === 'superseded') throw invalid('status', 'この支援プランは評価できません。');
    const today = isoDayInJapan(tx.now);
    const evaluatedOn = input.evaluatedOn ?? today;
    if (evaluatedOn > today) throw invalid('evaluatedOn', '評価日に未来の日付は入力できません。');
    const current = (await loadVersionContent(tx.db, mid, planId, plan.current_version))!;
    const goalIds = new Set(current.content.shortGoals.map((g) => g.id));
    const fields: Array<{ path: string; message: string }> = [];
    const seen = new Set<string>();
    input.goals.forEach((g, i) => {
      if (!goalIds.has(g.goalId)) fields.push({ path: `goals.${i}.goalId`, message: '現在の版の短期目標を選んでください。' });
      else if (seen.has(g.goalId)) fields.push({ path: `goals.${i}.goalId`, message: '同じ短期目標が2回指定されています。' });
      seen.add(g.goalId);
    });
    const goals = input.goals.filter((g) => g.progress || g.result);
    if (goals.length === 0 && !input.summary) fields.push({ path: 'goals', message: '短期目標の経過・成果か、総括を入力してください。' });
    if (fields.length > 0) throw new AppError('invalid', { fields });
    if (input.meetingId) {
      const onAgenda = await tx.db
        .selectFrom('meeting_agenda_item')
        .select('agenda_item_id')
        .where('municipality_id', '=', mid)
        .where('meeting_id', '=', input.meetingId)
        .where('case_id', '=', plan.case_id)
        .executeTakeFirst();
      if (!onAgenda) throw invalid('meetingId', 'このケースを議題にした会議を選んでください。');
    }
    const evaluationId = newId();
    await tx.db
      .insertInto('support_plan_evaluation')
      .values({
        municipality_id: mid,
        evaluation_id: evaluationId,
        plan_id: planId,
        version_no: plan.current_version,
        evaluated_on: evaluatedOn,
        goals: JSON.stringify(goals),
        summary: input.summary ?? null,
        meeting_id: input.meetingId ?? null,
        created_by_user_id: tx.actor.userId,
        created_at: tx.now,
      })
      .execute();
    await audit(tx, {
      action: 'plan.evaluate',
      targetType: 'plan',
      targetId: planId,
      basis,
      details: { evaluationId, versionNo: plan.current_version, goals: goals.length, meetingId: input.meetingId ?? null },
    });
    return loadPlanView(tx, planId, facts);
  });
}
