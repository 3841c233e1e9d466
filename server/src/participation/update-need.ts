import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { isoDayInJapan } from '../consultation/japanese/japanese-date.js';
import { findNeed } from './need.repo.js';
import { assertNeedActive, loadNeedFor } from './need-access.js';
import { checkedNeedFields, invalid, type NeedFieldsInput } from './need-input.js';
import { loadNeedView, type NeedView } from './need-view.js';

/** 希望・条件を更新 (optimistic: the version read must still be current). */
export async function updateNeed(ctx: Ctx, needId: string, input: NeedFieldsInput & { version: number }): Promise<NeedView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const { need, basis } = await loadNeedFor(tx, needId, 'update', 'participation.update');
    assertNeedActive(need);
    const fields = await checkedNeedFields(tx, need.person_id, input);
    const r = await tx.db
      .updateTable('participation_need')
      .set({ ...fields, version: need.version + 1, updated_at: tx.now })
      .where('municipality_id', '=', mid)
      .where('need_id', '=', needId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new AppError('conflict');
    await audit(tx, { action: 'participation.update', targetType: 'participation', targetId: needId, basis, details: { caseId: fields.case_id, wishes: fields.wish_codes.length, needs: fields.need_codes.length } });
    return loadNeedView(tx, (await findNeed(tx.db, mid, needId))!);
  });
}

/** 参加支援を終了: only when no placement is 調整中 or 利用中. */
export async function closeNeed(ctx: Ctx, needId: string, input: { version: number; closedOn?: string | undefined; reason: string }): Promise<NeedView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const { need, basis } = await loadNeedFor(tx, needId, 'update', 'participation.close');
    assertNeedActive(need);
    const today = isoDayInJapan(tx.now);
    const closedOn = input.closedOn ?? today;
    if (closedOn > today) throw invalid('closedOn', '終了日に未来の日付は入力できません。');
    if (closedOn < need.opened_on) throw invalid('closedOn', '終了日は受付日より後にしてください。');
    const running = await tx.db
      .selectFrom('participation_placement')
      .select('placement_id')
      .where('municipality_id', '=', mid)
      .where('need_id', '=', needId)
      .where('status', 'in', ['arranging', 'active'])
      .executeTakeFirst();
    if (running) throw invalid('status', '調整中または利用中の受け入れがあります。先に受け入れを終了してください。');
    const r = await tx.db
      .updateTable('participation_need')
      .set({ status: 'closed', closed_on: closedOn, close_reason: input.reason.trim(), version: need.version + 1, updated_at: tx.now })
      .where('municipality_id', '=', mid)
      .where('need_id', '=', needId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new AppError('conflict');
    await audit(tx, { action: 'participation.close', targetType: 'participation', targetId: needId, basis, details: { closedOn } });
    return loadNeedView(tx, (await findNeed(tx.db, mid, needId))!);
  });
}
