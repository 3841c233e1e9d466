import type { Role } from '../platform/access/actor.js';
import { authorize } from '../platform/access/authorize.js';
import { capabilityMatrix, describeBasis, describeDenyReason, RECORD_KIND_LABELS } from '../platform/access/index.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { getUser } from './user.repo.js';

/**
 * 権限の確認: what the chosen user can actually see and do, computed by running the real access
 * policy over representative relationships (own agency, support team, consent, meeting, …).
 */
export async function explainUserAccess(ctx: Ctx, userId: string) {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const basis = authorize(tx, 'read', { kind: 'user_account', municipalityId: mid, id: userId });
    const user = await getUser(tx.db, mid, userId);
    if (!user) throw new AppError('not_found');
    const municipality = await tx.db
      .selectFrom('municipality')
      .select('prefecture_code')
      .where('municipality_id', '=', mid)
      .executeTakeFirstOrThrow();
    const subject = {
      userId: user.id,
      municipalityId: mid,
      prefectureCode: municipality.prefecture_code,
      loginName: user.loginName,
      roles: user.status === 'active' ? (user.roles as Role[]) : [],
      agencyIds: user.agencyIds,
    };
    const rows = capabilityMatrix(subject, tx.now).map((r) => ({
      kind: r.kind,
      kindLabel: RECORD_KIND_LABELS[r.kind],
      relationship: r.relationship,
      relationshipLabel: r.relationshipLabel,
      action: r.action,
      allowed: r.decision.allowed,
      label: r.decision.allowed ? describeBasis(r.decision.basis) : describeDenyReason(r.decision.reason),
    }));
    await audit(tx, { action: 'user.access_explained', targetType: 'user_account', targetId: userId, basis });
    return { user: { id: user.id, loginName: user.loginName, displayName: user.displayName }, rows };
  });
}
