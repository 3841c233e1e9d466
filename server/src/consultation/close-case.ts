import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { type CaseView, caseFacts, loadCase, toCaseView } from './case.repo.js';
import { isoDayInJapan } from './japanese/japanese-date.js';

async function setStatus(ctx: Ctx, caseId: string, version: number, from: 'open' | 'closed', set: { status: 'open' | 'closed'; closed_on: string | null; close_reason: string | null }) {
  const r = await ctx.db
    .updateTable('support_case')
    .set((eb) => ({ ...set, updated_at: ctx.now, version: eb('version', '+', 1) }))
    .where('municipality_id', '=', ctx.actor.municipalityId)
    .where('case_id', '=', caseId)
    .where('version', '=', version)
    .where('status', '=', from)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw new AppError('conflict');
}

/** 終結: the lead closes the case with a reason; a pending lead transfer is cancelled with it. */
export async function closeCase(ctx: Ctx, caseId: string, input: { reason: string; version: number }): Promise<CaseView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const basis = authorize(tx, 'update', (await caseFacts(tx.db, mid, caseId)) ?? { kind: 'case', municipalityId: mid, id: caseId });
    await setStatus(tx, caseId, input.version, 'open', { status: 'closed', closed_on: isoDayInJapan(tx.now), close_reason: input.reason });
    await tx.db
      .updateTable('case_lead_transfer')
      .set({ status: 'cancelled', decided_by_user_id: tx.actor.userId, decided_at: tx.now })
      .where('municipality_id', '=', mid)
      .where('case_id', '=', caseId)
      .where('status', '=', 'requested')
      .execute();
    await audit(tx, { action: 'case.close', targetType: 'case', targetId: caseId, basis });
    return toCaseView((await loadCase(tx.db, mid, caseId))!);
  });
}

/** 再開: the last lead reopens a closed case, unless the household already has another open one. */
export async function reopenCase(ctx: Ctx, caseId: string, input: { version: number }): Promise<CaseView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const basis = authorize(tx, 'update', (await caseFacts(tx.db, mid, caseId)) ?? { kind: 'case', municipalityId: mid, id: caseId });
    const current = await loadCase(tx.db, mid, caseId);
    const other = await tx.db
      .selectFrom('support_case')
      .select('case_id')
      .where('municipality_id', '=', mid)
      .where('household_id', '=', current!.row.household_id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (other) throw new AppError('duplicate', undefined, 'この世帯にはすでに支援中のケースがあります。');
    await setStatus(tx, caseId, input.version, 'closed', { status: 'open', closed_on: null, close_reason: null });
    await audit(tx, { action: 'case.reopen', targetType: 'case', targetId: caseId, basis });
    return toCaseView((await loadCase(tx.db, mid, caseId))!);
  });
}
