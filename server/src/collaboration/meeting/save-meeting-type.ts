/** 会議種別の作成・コピー・変更 (市町村管理者: municipal_config 'update'), audited. */
import { authorize } from '../../platform/access/authorize.js';
import { audit } from '../../platform/audit/record-audit.js';
import type { Ctx } from '../../platform/context.js';
import { newId } from '../../platform/db/ids.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/http/errors.js';
import { toMeetingTypeView } from './list-meeting-types.js';
import { loadMeetingType } from './meeting.repo.js';

export interface MeetingTypeInput {
  code: string;
  name: string;
  legalBasis: string;
  convenedBy: string;
  memberAgencyIds: string[];
  consentRequired: boolean;
  closedToPublic: boolean;
}

async function checkAgencies(tx: Ctx, agencyIds: readonly string[]) {
  if (agencyIds.length === 0) return;
  const found = await tx.db.selectFrom('agency').select('agency_id').where('municipality_id', '=', tx.actor.municipalityId).where('agency_id', 'in', [...agencyIds]).execute();
  if (found.length !== new Set(agencyIds).size) throw new AppError('invalid', { fields: [{ path: 'memberAgencyIds', message: '登録されていない機関が含まれています。' }] });
}

async function insertType(tx: Ctx, input: MeetingTypeInput, copiedFrom: string | null) {
  const mid = tx.actor.municipalityId;
  const basis = authorize(tx, 'update', { kind: 'municipal_config', municipalityId: mid });
  await checkAgencies(tx, input.memberAgencyIds);
  const taken = await tx.db.selectFrom('meeting_type').select('code').where('municipality_id', '=', mid).where('code', '=', input.code).executeTakeFirst();
  if (taken) throw new AppError('duplicate', { fields: [{ path: 'code', message: 'このコードはすでに使われています。' }] });
  const id = newId();
  await tx.db
    .insertInto('meeting_type')
    .values({
      municipality_id: mid,
      meeting_type_id: id,
      code: input.code,
      name: input.name,
      legal_basis: input.legalBasis,
      convened_by: input.convenedBy,
      member_agency_ids: [...new Set(input.memberAgencyIds)],
      consent_required: input.consentRequired,
      closed_to_public: input.closedToPublic,
      copied_from_code: copiedFrom,
      created_at: tx.now,
      updated_at: tx.now,
    })
    .execute();
  const details = { code: input.code, consentRequired: input.consentRequired, closedToPublic: input.closedToPublic, copiedFrom };
  await audit(tx, { action: copiedFrom ? 'meeting_type.copy' : 'meeting_type.create', targetType: 'meeting_type', targetId: id, basis, details });
  return toMeetingTypeView((await loadMeetingType(tx.db, mid, id))!);
}

export async function createMeetingType(ctx: Ctx, input: MeetingTypeInput) {
  return inTransaction(ctx, (tx) => insertType(tx, input, null));
}

/** Copies a type (e.g. 汎用 → 要保護児童対策地域協議会, 児童福祉法第25条の2); unset fields keep the original's. */
export async function copyMeetingType(ctx: Ctx, sourceId: string, input: Partial<MeetingTypeInput> & { code: string; name: string; legalBasis: string }) {
  return inTransaction(ctx, async (tx) => {
    authorize(tx, 'update', { kind: 'municipal_config', municipalityId: tx.actor.municipalityId });
    const source = await loadMeetingType(tx.db, tx.actor.municipalityId, sourceId);
    if (!source) throw new AppError('not_found');
    return insertType(
      tx,
      {
        code: input.code,
        name: input.name,
        legalBasis: input.legalBasis,
        convenedBy: input.convenedBy ?? source.convened_by,
        memberAgencyIds: input.memberAgencyIds ?? source.member_agency_ids,
        consentRequired: input.consentRequired ?? source.consent_required,
        closedToPublic: input.closedToPublic ?? source.closed_to_public,
      },
      source.code,
    );
  });
}

export async function updateMeetingType(ctx: Ctx, typeId: string, input: Omit<MeetingTypeInput, 'code'> & { active: boolean; version: number }) {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const basis = authorize(tx, 'update', { kind: 'municipal_config', municipalityId: mid, id: typeId });
    const current = await loadMeetingType(tx.db, mid, typeId);
    if (!current) throw new AppError('not_found');
    await checkAgencies(tx, input.memberAgencyIds);
    if (input.consentRequired !== current.consent_required) {
      // The consent rule decides who saw which material: existing meetings keep the rule they were held under.
      const used = await tx.db.selectFrom('meeting').select('meeting_id').where('municipality_id', '=', mid).where('meeting_type_id', '=', typeId).limit(1).executeTakeFirst();
      if (used) throw new AppError('conflict', undefined, '会議が登録済みの種別は、同意の要否を変更できません。コピーして新しい種別を作ってください。');
    }
    const r = await tx.db
      .updateTable('meeting_type')
      .set((eb) => ({
        name: input.name,
        legal_basis: input.legalBasis,
        convened_by: input.convenedBy,
        member_agency_ids: [...new Set(input.memberAgencyIds)],
        consent_required: input.consentRequired,
        closed_to_public: input.closedToPublic,
        active: input.active,
        updated_at: tx.now,
        version: eb('version', '+', 1),
      }))
      .where('municipality_id', '=', mid)
      .where('meeting_type_id', '=', typeId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new AppError('conflict');
    await audit(tx, { action: 'meeting_type.update', targetType: 'meeting_type', targetId: typeId, basis, details: { code: current.code, consentRequired: input.consentRequired, active: input.active } });
    return toMeetingTypeView((await loadMeetingType(tx.db, mid, typeId))!);
  });
}
