import { authorize } from '../platform/access/authorize.js';
import { can } from '../platform/access/policy.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { leadFactsOrUnknown } from './lead.repo.js';
import { type LeadView, loadLeadView } from './lead-view.js';

/** アウトリーチ対象の閲覧: every read is audited with its basis. */
export async function viewLead(ctx: Ctx, leadId: string): Promise<LeadView> {
  return inTransaction(ctx, async (tx) => {
    const facts = await leadFactsOrUnknown(tx, leadId);
    const basis = authorize(tx, 'read', facts, { auditAction: 'outreach_lead.read' });
    const canEdit = can(tx.actor, 'update', facts, { now: tx.now }).allowed;
    await audit(tx, { action: 'outreach_lead.read', targetType: 'outreach_lead', targetId: leadId, basis });
    return loadLeadView(tx, leadId, canEdit);
  });
}
