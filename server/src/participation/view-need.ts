import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { loadNeedFor } from './need-access.js';
import { loadNeedView, type NeedView } from './need-view.js';

/** 参加支援の閲覧: wishes, constraints, placements, 定着支援 and 受け入れ先支援 (audited with its basis). */
export async function viewNeed(ctx: Ctx, needId: string): Promise<NeedView> {
  return inTransaction(ctx, async (tx) => {
    const { need, basis } = await loadNeedFor(tx, needId, 'read', 'participation.read');
    const view = await loadNeedView(tx, need);
    await audit(tx, { action: 'participation.read', targetType: 'participation', targetId: needId, basis, details: { placements: view.placements.length } });
    return view;
  });
}
