/**
 * What happens on a placement after it is made: its status (利用開始, 終了, 中断, 再開), 定着支援
 * follow-ups (完了 with how the person is doing; another follow-up added), and 受け入れ先支援 notes.
 * Each is a change of the need (policy: update) and is audited without the note text.
 */
import { isoDayInJapan } from '../consultation/japanese/japanese-date.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { newId } from '../platform/db/ids.js';
import type { FollowupCondition, HostSupportKind, PlacementStatus } from '../platform/db/schema-participation.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { findNeed, needIdOfPlacement, placementOfFollowup } from './need.repo.js';
import { loadNeedFor } from './need-access.js';
import { invalid } from './need-input.js';
import { loadNeedView, type NeedView } from './need-view.js';
import { canMovePlacement } from './participation-rules.js';
import { PLACEMENT_STATUS_LABELS } from './participation-codes.js';

async function placementFor(tx: Ctx, placementId: string, auditAction: string) {
  const mid = tx.actor.municipalityId;
  const needId = await needIdOfPlacement(tx.db, mid, placementId);
  // An unknown placement goes through the policy too (facts that grant nothing): not_found, audited.
  const { need, basis } = await loadNeedFor(tx, needId ?? placementId, 'update', auditAction);
  const placement = await tx.db.selectFrom('participation_placement').selectAll().where('municipality_id', '=', mid).where('placement_id', '=', placementId).executeTakeFirstOrThrow();
  return { need, basis, placement };
}

const notFuture = (tx: Ctx, path: string, day: string, what: string) => {
  if (day > isoDayInJapan(tx.now)) throw invalid(path, `${what}に未来の日付は入力できません。`);
};

/** 利用開始 / 終了 / 中断 / 再開. */
export async function changePlacementStatus(ctx: Ctx, placementId: string, input: { version: number; status: PlacementStatus; on?: string | undefined; reason?: string | null | undefined }): Promise<NeedView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const { need, basis, placement } = await placementFor(tx, placementId, 'participation.placement_status');
    if (!canMovePlacement(placement.status, input.status)) {
      throw invalid('status', `${PLACEMENT_STATUS_LABELS[placement.status]}から${PLACEMENT_STATUS_LABELS[input.status]}には変更できません。`);
    }
    const on = input.on ?? isoDayInJapan(tx.now);
    const ending = input.status === 'ended' || input.status === 'interrupted';
    if (ending) {
      notFuture(tx, 'on', on, '終了日・中断日');
      if (!input.reason?.trim()) throw invalid('reason', '理由を入力してください。');
    }
    if (input.status === 'active' && placement.status === 'interrupted') {
      // 再開 takes a place again: lock the service or host row, then count its running placements.
      const cap = placement.service_id
        ? (await tx.db.selectFrom('resource_service').select('capacity').where('municipality_id', '=', mid).where('service_id', '=', placement.service_id).forUpdate().executeTakeFirst())?.capacity
        : (await tx.db.selectFrom('participation_host').select('capacity').where('municipality_id', '=', mid).where('host_id', '=', placement.host_id!).forUpdate().executeTakeFirst())?.capacity;
      const held = await tx.db
        .selectFrom('participation_placement')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('municipality_id', '=', mid)
        .where(placement.service_id ? 'service_id' : 'host_id', '=', (placement.service_id ?? placement.host_id)!)
        .where('status', 'in', ['arranging', 'active'])
        .executeTakeFirstOrThrow();
      if (cap !== null && cap !== undefined && Number(held.n) >= cap) throw invalid('status', '受入枠に空きがないため再開できません。');
    }
    const r = await tx.db
      .updateTable('participation_placement')
      .set({
        status: input.status,
        ended_on: ending ? on : null,
        end_reason: ending ? input.reason!.trim() : null,
        ...(input.status === 'active' && placement.status === 'arranging' && input.on ? { start_on: input.on } : {}),
        version: placement.version + 1,
        updated_at: tx.now,
      })
      .where('municipality_id', '=', mid)
      .where('placement_id', '=', placementId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new AppError('conflict');
    await audit(tx, { action: 'participation.placement_status', targetType: 'participation', targetId: need.need_id, basis, details: { placementId, from: placement.status, to: input.status, on } });
    return loadNeedView(tx, (await findNeed(tx.db, mid, need.need_id))!);
  });
}

/** 定着支援を完了: the day it was done, how the person is doing, a note. */
export async function completeFollowup(ctx: Ctx, followupId: string, input: { version: number; doneOn?: string | undefined; condition: FollowupCondition; note?: string | null | undefined }): Promise<NeedView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const f = await placementOfFollowup(tx.db, mid, followupId);
    // An unknown follow-up goes through the policy too (facts that grant nothing): not_found, audited.
    const { need, basis } = await loadNeedFor(tx, f?.need_id ?? followupId, 'update', 'participation.followup_done');
    if (!f) throw new AppError('not_found');
    if (f.done_on !== null) throw new AppError('conflict', undefined, 'この定着支援はすでに完了しています。');
    const doneOn = input.doneOn ?? isoDayInJapan(tx.now);
    notFuture(tx, 'doneOn', doneOn, '実施日');
    const r = await tx.db
      .updateTable('participation_followup')
      .set({ done_on: doneOn, condition: input.condition, note: input.note?.trim() || null, done_by_user_id: tx.actor.userId, version: f.version + 1, updated_at: tx.now })
      .where('municipality_id', '=', mid)
      .where('followup_id', '=', followupId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new AppError('conflict');
    await audit(tx, { action: 'participation.followup_done', targetType: 'participation', targetId: need.need_id, basis, details: { followupId, doneOn, condition: input.condition } });
    return loadNeedView(tx, (await findNeed(tx.db, mid, need.need_id))!);
  });
}

/** 定着支援を追加 (e.g. 6か月後) on a running placement. */
export async function addFollowup(ctx: Ctx, placementId: string, input: { label: string; dueOn: string }): Promise<NeedView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const { need, basis, placement } = await placementFor(tx, placementId, 'participation.followup_add');
    if (placement.status === 'ended') throw invalid('placementId', '終了した受け入れには定着支援を追加できません。');
    if (input.dueOn < placement.start_on) throw invalid('dueOn', '予定日は開始日より後にしてください。');
    const followupId = newId();
    await tx.db.insertInto('participation_followup').values({ municipality_id: mid, followup_id: followupId, placement_id: placementId, label: input.label.trim(), due_on: input.dueOn, created_at: tx.now, updated_at: tx.now }).execute();
    await audit(tx, { action: 'participation.followup_add', targetType: 'participation', targetId: need.need_id, basis, details: { placementId, followupId, dueOn: input.dueOn } });
    return loadNeedView(tx, (await findNeed(tx.db, mid, need.need_id))!);
  });
}

/** 受け入れ先支援を記録: support given to the host about this placement. */
export async function addHostSupport(ctx: Ctx, placementId: string, input: { supportedOn?: string | undefined; kind: HostSupportKind; note: string }): Promise<NeedView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const { need, basis } = await placementFor(tx, placementId, 'participation.host_support');
    const supportedOn = input.supportedOn ?? isoDayInJapan(tx.now);
    notFuture(tx, 'supportedOn', supportedOn, '支援日');
    const noteId = newId();
    await tx.db
      .insertInto('participation_host_support')
      .values({ municipality_id: mid, note_id: noteId, placement_id: placementId, supported_on: supportedOn, kind: input.kind, note: input.note.trim(), recorded_by_user_id: tx.actor.userId, created_at: tx.now })
      .execute();
    await audit(tx, { action: 'participation.host_support', targetType: 'participation', targetId: need.need_id, basis, details: { placementId, noteId, kind: input.kind, supportedOn } });
    return loadNeedView(tx, (await findNeed(tx.db, mid, need.need_id))!);
  });
}
