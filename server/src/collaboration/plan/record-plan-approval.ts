import type { DbHandle } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';

/**
 * Marks a plan version as approved by a meeting (承認した会議). Called inside the meeting decision's
 * transaction when a 重層的支援会議 decides 'plan_approved' for a case on its agenda; the plan must
 * belong to that case and the version must exist. Returns nothing; the caller audits the decision.
 */
export async function recordPlanApproval(db: DbHandle, args: { municipalityId: string; caseId: string; planId: string; versionNo: number; meetingId: string; on: string }) {
  const plan = await db
    .selectFrom('support_plan')
    .select('case_id')
    .where('municipality_id', '=', args.municipalityId)
    .where('plan_id', '=', args.planId)
    .executeTakeFirst();
  if (!plan || plan.case_id !== args.caseId) {
    throw new AppError('invalid', { fields: [{ path: 'planId', message: 'この会議の議題のケースの支援プランを選んでください。' }] });
  }
  const version = await db
    .selectFrom('support_plan_version')
    .select('approved_meeting_id')
    .where('municipality_id', '=', args.municipalityId)
    .where('plan_id', '=', args.planId)
    .where('version_no', '=', args.versionNo)
    .forUpdate()
    .executeTakeFirst();
  if (!version) throw new AppError('invalid', { fields: [{ path: 'planVersion', message: '支援プランの版が見つかりません。' }] });
  // The approval is set once: another meeting cannot re-approve (and so overwrite) an approved version.
  if (version.approved_meeting_id !== null && version.approved_meeting_id !== args.meetingId) {
    throw new AppError('invalid', { fields: [{ path: 'planVersion', message: 'この版はすでに別の会議で承認されています。改訂して新しい版を承認してください。' }] });
  }
  await db
    .updateTable('support_plan_version')
    .set({ approved_meeting_id: args.meetingId, approved_on: args.on })
    .where('municipality_id', '=', args.municipalityId)
    .where('plan_id', '=', args.planId)
    .where('version_no', '=', args.versionNo)
    .execute();
}
