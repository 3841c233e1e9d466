import { isoDayInJapan } from '../consultation/japanese/japanese-date.js';
import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { newId } from '../platform/db/ids.js';
import { inTransaction } from '../platform/db/transaction.js';
import { findHost, loadHostView, type HostView } from './host.repo.js';
import { checkedHostFields, type HostFieldsInput } from './host-input.js';

/** 協力事業者の候補を登録: a host enters the development pipeline as 候補. */
export async function registerHostCandidate(ctx: Ctx, input: HostFieldsInput & { note?: string | null | undefined }): Promise<HostView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const basis = authorize(tx, 'create', { kind: 'directory', municipalityId: mid }, { auditAction: 'participation.host_create' });
    const fields = await checkedHostFields(tx, input);
    const hostId = newId();
    await tx.db
      .insertInto('participation_host')
      .values({ municipality_id: mid, host_id: hostId, ...fields, stage: 'candidate', created_by_user_id: tx.actor.userId, created_at: tx.now, updated_at: tx.now })
      .execute();
    await tx.db
      .insertInto('participation_host_event')
      .values({ municipality_id: mid, event_id: newId(), host_id: hostId, from_stage: null, to_stage: 'candidate', occurred_on: isoDayInJapan(tx.now), note: input.note?.trim() || null, recorded_by_user_id: tx.actor.userId, created_at: tx.now })
      .execute();
    await audit(tx, { action: 'participation.host_create', targetType: 'directory', targetId: hostId, basis, details: { offers: fields.offer_codes, capacity: fields.capacity } });
    return loadHostView(tx.db, mid, (await findHost(tx.db, mid, hostId))!);
  });
}
