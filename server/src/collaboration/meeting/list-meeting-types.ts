import { can } from '../../platform/access/policy.js';
import { isStaff } from '../../platform/access/relationships.js';
import type { Ctx } from '../../platform/context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/http/errors.js';
import type { MeetingTypeRow } from './meeting.repo.js';

export function toMeetingTypeView(t: MeetingTypeRow) {
  return {
    id: t.meeting_type_id,
    code: t.code,
    name: t.name,
    legalBasis: t.legal_basis,
    convenedBy: t.convened_by,
    memberAgencyIds: t.member_agency_ids,
    consentRequired: t.consent_required,
    closedToPublic: t.closed_to_public,
    copiedFromCode: t.copied_from_code,
    active: t.active,
    version: t.version,
  };
}

/**
 * 会議種別の一覧. Meeting types are municipal configuration (municipal_config: read/update by the
 * 市町村管理者), but every staff member needs them to schedule a meeting; they hold no personal data,
 * so staff roles (isStaff) may read the list too. Changing them stays with municipal_config 'update'.
 */
export async function listMeetingTypes(ctx: Ctx, filter: { includeInactive?: boolean | undefined } = {}) {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const config = can(tx.actor, 'read', { kind: 'municipal_config', municipalityId: mid }, { now: tx.now });
    if (!config.allowed && !isStaff(tx.actor)) throw new AppError('forbidden');
    let q = tx.db.selectFrom('meeting_type').selectAll().where('municipality_id', '=', mid);
    if (!filter.includeInactive) q = q.where('active', '=', true);
    const rows = await q.orderBy('created_at').orderBy('code').execute();
    return { items: rows.map(toMeetingTypeView) };
  });
}
