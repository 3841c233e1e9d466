import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { newId } from '../platform/db/ids.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { isoDayInJapan, parseJapaneseDate } from '../consultation/japanese/japanese-date.js';
import { leadStepProblem } from './lead-rules.js';
import { getLeadRow, leadFactsOrUnknown, updateLead } from './lead.repo.js';
import { type LeadView, loadLeadView } from './lead-view.js';

const invalid = (path: string, message: string) => new AppError('invalid', { fields: [{ path, message }] });

/**
 * 信頼関係の段階を変更: the lead's current stage becomes `stageId` as of `changedOn` (today when
 * absent); every change is a history row. Trust may go back as well as forward.
 */
export async function changeStage(ctx: Ctx, leadId: string, input: { stageId: string; changedOn?: string | null | undefined; note?: string | null | undefined; version: number }): Promise<LeadView> {
  let changedOn = isoDayInJapan(ctx.now);
  if (input.changedOn) {
    const parsed = parseJapaneseDate(input.changedOn, ctx.now);
    if (!parsed.ok) throw invalid('changedOn', parsed.message);
    changedOn = parsed.iso;
  }
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const basis = authorize(tx, 'update', await leadFactsOrUnknown(tx, leadId), { auditAction: 'outreach_lead.stage_changed' });
    const lead = await getLeadRow(tx.db, mid, leadId);
    const problem = leadStepProblem(lead.status, 'stage');
    if (problem) throw invalid('status', problem);
    const stage = await tx.db.selectFrom('trust_stage').select(['stage_id', 'retired']).where('municipality_id', '=', mid).where('stage_id', '=', input.stageId).executeTakeFirst();
    if (!stage || stage.retired) throw invalid('stageId', 'この段階は使われていません。');
    if (stage.stage_id === lead.trust_stage_id) throw invalid('stageId', 'すでにこの段階です。');
    if (changedOn < lead.opened_on) throw invalid('changedOn', '受付日より前の日付は記録できません。');
    await updateLead(tx, leadId, input.version, { trust_stage_id: stage.stage_id, stage_changed_on: changedOn });
    await tx.db
      .insertInto('outreach_lead_stage')
      .values({ municipality_id: mid, change_id: newId(), lead_id: leadId, stage_id: stage.stage_id, changed_on: changedOn, note: input.note ?? null, recorded_by_user_id: tx.actor.userId, recorded_at: tx.now })
      .execute();
    await audit(tx, { action: 'outreach_lead.stage_changed', targetType: 'outreach_lead', targetId: leadId, basis, details: { from: lead.trust_stage_id, to: stage.stage_id, changedOn } });
    return loadLeadView(tx, leadId, true);
  });
}
