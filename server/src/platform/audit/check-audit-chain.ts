import { authorize } from '../access/authorize.js';
import type { Ctx } from '../context.js';
import { inTransaction } from '../db/transaction.js';
import { audit } from './record-audit.js';
import { verifyAudit } from './verify-audit.js';

/** 改ざん検査 from the UI: an auditor verifies the municipality's chain; the check is itself audited. */
export async function checkAuditChain(ctx: Ctx) {
  return inTransaction(ctx, async (tx) => {
    const basis = authorize(tx, 'read', { kind: 'audit_log', municipalityId: tx.actor.municipalityId });
    const result = await verifyAudit(tx.db, tx.actor.municipalityId);
    await audit(tx, { action: 'audit.verify', targetType: 'audit_log', basis, details: { ok: result.ok, sealed: result.sealed } });
    return result;
  });
}
