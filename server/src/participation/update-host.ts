import { isoDayInJapan } from '../consultation/japanese/japanese-date.js';
import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { newId } from '../platform/db/ids.js';
import type { HostStage } from '../platform/db/schema-participation.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { findHost, type HostView, loadHostView } from './host.repo.js';
import { checkedHostFields, type HostFieldsInput } from './host-input.js';
import { HOST_STAGE_LABELS } from './participation-codes.js';
import { canMoveHost } from './participation-rules.js';

async function hostFor(tx: Ctx, hostId: string, auditAction: string) {
  const mid = tx.actor.municipalityId;
  const basis = authorize(tx, 'update', { kind: 'directory', municipalityId: mid, id: hostId }, { auditAction });
  const host = await findHost(tx.db, mid, hostId);
  if (!host) throw new AppError('not_found');
  return { basis, host };
}

/** 協力事業者の情報を更新: contact, what it can offer, when, for whom, how many. */
export async function updateHost(ctx: Ctx, hostId: string, input: HostFieldsInput & { version: number }): Promise<HostView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const { basis, host } = await hostFor(tx, hostId, 'participation.host_update');
    const fields = await checkedHostFields(tx, input);
    const r = await tx.db
      .updateTable('participation_host')
      .set({ ...fields, version: host.version + 1, updated_at: tx.now })
      .where('municipality_id', '=', mid)
      .where('host_id', '=', hostId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new AppError('conflict');
    await audit(tx, { action: 'participation.host_update', targetType: 'directory', targetId: hostId, basis, details: { offers: fields.offer_codes, capacity: fields.capacity } });
    return loadHostView(tx.db, mid, (await findHost(tx.db, mid, hostId))!);
  });
}

/** 打診 / 協力事業者登録 / 見送り / 候補に戻す: one step of the pipeline, dated, with a note. */
export async function moveHost(ctx: Ctx, hostId: string, input: { version: number; stage: HostStage; on?: string | undefined; note?: string | null | undefined }): Promise<HostView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const { basis, host } = await hostFor(tx, hostId, 'participation.host_stage');
    if (!canMoveHost(host.stage, input.stage)) {
      throw new AppError('invalid', { fields: [{ path: 'stage', message: `${HOST_STAGE_LABELS[host.stage]}から${HOST_STAGE_LABELS[input.stage]}には進められません。` }] });
    }
    const today = isoDayInJapan(tx.now);
    const on = input.on ?? today;
    if (on > today) throw new AppError('invalid', { fields: [{ path: 'on', message: '日付に未来の日付は入力できません。' }] });
    const last = await tx.db
      .selectFrom('participation_host_event')
      .select((eb) => eb.fn.max('occurred_on').as('d'))
      .where('municipality_id', '=', mid)
      .where('host_id', '=', hostId)
      .executeTakeFirst();
    if (last?.d && on < last.d) throw new AppError('invalid', { fields: [{ path: 'on', message: `日付は前の段階の日付（${last.d}）以降にしてください。` }] });
    const r = await tx.db
      .updateTable('participation_host')
      .set({ stage: input.stage, registered_on: input.stage === 'registered' ? on : host.registered_on, version: host.version + 1, updated_at: tx.now })
      .where('municipality_id', '=', mid)
      .where('host_id', '=', hostId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new AppError('conflict');
    await tx.db
      .insertInto('participation_host_event')
      .values({ municipality_id: mid, event_id: newId(), host_id: hostId, from_stage: host.stage, to_stage: input.stage, occurred_on: on, note: input.note?.trim() || null, recorded_by_user_id: tx.actor.userId, created_at: tx.now })
      .execute();
    await audit(tx, { action: 'participation.host_stage', targetType: 'directory', targetId: hostId, basis, details: { from: host.stage, to: input.stage, on } });
    return loadHostView(tx.db, mid, (await findHost(tx.db, mid, hostId))!);
  });
}
