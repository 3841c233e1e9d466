import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import type { LeadCloseReason } from '../platform/db/schema-outreach.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { isoDayInJapan } from '../consultation/japanese/japanese-date.js';
import { leadStepProblem } from './lead-rules.js';
import { getLeadRow, leadFactsOrUnknown, updateLead } from './lead.repo.js';
import { type LeadView, loadLeadView } from './lead-view.js';

const invalid = (path: string, message: string) => new AppError('invalid', { fields: [{ path, message }] });

/** アウトリーチの終了 with a reason (所在不明, 転居, 本人拒否の継続, 他機関で対応 …); its cadence stops. */
export async function closeLead(ctx: Ctx, leadId: string, input: { reason: LeadCloseReason; note?: string | null | undefined; version: number }): Promise<LeadView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const basis = authorize(tx, 'update', await leadFactsOrUnknown(tx, leadId), { auditAction: 'outreach_lead.closed' });
    const lead = await getLeadRow(tx.db, mid, leadId);
    const problem = leadStepProblem(lead.status, 'close');
    if (problem) throw invalid('status', problem);
    if (input.reason === 'other' && !input.note?.trim()) throw invalid('note', '「その他」の場合は理由を入力してください。');
    await updateLead(tx, leadId, input.version, { status: 'closed', close_reason: input.reason, close_note: input.note ?? null, closed_on: isoDayInJapan(tx.now) });
    await audit(tx, { action: 'outreach_lead.closed', targetType: 'outreach_lead', targetId: leadId, basis, details: { reason: input.reason } });
    return loadLeadView(tx, leadId, true);
  });
}

/** 再開: a closed lead goes back to the queue (接触中 when the person was met before, else 未接触). */
export async function reopenLead(ctx: Ctx, leadId: string, input: { version: number }): Promise<LeadView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const basis = authorize(tx, 'update', await leadFactsOrUnknown(tx, leadId), { auditAction: 'outreach_lead.reopened' });
    const lead = await getLeadRow(tx.db, mid, leadId);
    const problem = leadStepProblem(lead.status, 'reopen');
    if (problem) throw invalid('status', problem);
    const met = await tx.db.selectFrom('contact_attempt').select('attempt_id').where('municipality_id', '=', mid).where('lead_id', '=', leadId).where('outcome', '=', 'met').limit(1).executeTakeFirst();
    await updateLead(tx, leadId, input.version, { status: met ? 'in_contact' : 'open', close_reason: null, close_note: null, closed_on: null });
    await audit(tx, { action: 'outreach_lead.reopened', targetType: 'outreach_lead', targetId: leadId, basis });
    return loadLeadView(tx, leadId, true);
  });
}
