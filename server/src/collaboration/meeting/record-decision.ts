import { japanDate } from '../../platform/access/relationships.js';
import type { Ctx } from '../../platform/context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/http/errors.js';
import { recordPlanApproval } from '../plan/record-plan-approval.js';
import { checkDecision, type MeetingDecisionCode } from './meeting-rules.js';
import { updateAgendaItem } from './record-minutes.js';

export interface DecisionInput {
  decision: MeetingDecisionCode;
  note?: string | null | undefined;
  planId?: string | null | undefined;
  planVersion?: number | null | undefined;
  version: number;
}

/**
 * 決定: プラン承認 / 評価 / 終結 / 中断 / 社会資源の不足 / 継続. 'plan_approved' stamps the plan version
 * with this meeting in the same transaction (record-plan-approval); 終結・中断 are recorded here and
 * the plan module carries out the plan's outcome.
 */
export async function recordDecision(ctx: Ctx, agendaItemId: string, input: DecisionInput) {
  return inTransaction(ctx, (tx) =>
    updateAgendaItem(
      tx,
      agendaItemId,
      'decision',
      input.version,
      {
        decision: input.decision,
        decision_note: input.note ?? null,
        plan_id: input.decision === 'plan_approved' ? (input.planId ?? null) : null,
        plan_version: input.decision === 'plan_approved' ? (input.planVersion ?? null) : null,
      },
      async (item, meeting) => {
        const check = checkDecision(input.decision, input, meeting);
        if (!check.ok) throw new AppError('invalid', { fields: [{ path: check.path, message: check.message }] }, check.message);
        if (input.decision === 'plan_approved' && input.planId && input.planVersion) {
          await recordPlanApproval(tx.db, { municipalityId: tx.actor.municipalityId, caseId: item.case_id, planId: input.planId, versionNo: input.planVersion, meetingId: meeting.meetingId, on: japanDate(tx.now)! });
        }
      },
    ),
  );
}
