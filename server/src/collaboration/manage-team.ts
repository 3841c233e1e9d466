import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { newId } from '../platform/db/ids.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { isoDayInJapan } from '../consultation/japanese/japanese-date.js';
import { loadCaseFor, managingAgency } from './case-access.js';
import { loadTeam, type TeamMemberView, toTeamMemberView } from './team.repo.js';

export interface TeamMemberInput {
  agencyId?: string | null | undefined;
  resourceName?: string | null | undefined;
  role: string;
  contactPerson?: string | null | undefined;
  contactPhone?: string | null | undefined;
}

const invalid = (path: string, message: string) => new AppError('invalid', { fields: [{ path, message }] });

/** 支援チーム: current members (and, on request, past ones) of a case; read like the case. */
export async function listTeam(ctx: Ctx, caseId: string, includePast: boolean) {
  return inTransaction(ctx, async (tx) => {
    const { basis } = await loadCaseFor(tx, caseId, 'read');
    const rows = await loadTeam(tx.db, tx.actor.municipalityId, caseId, includePast);
    await audit(tx, { action: 'case.team_read', targetType: 'case', targetId: caseId, basis, details: { returned: rows.length } });
    return { members: rows.map(toTeamMemberView) };
  });
}

/** チームに加える: an agency (with role and contact person) or a community resource by name. */
export async function addTeamMember(ctx: Ctx, caseId: string, input: TeamMemberInput): Promise<TeamMemberView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const { basis, kase } = await loadCaseFor(tx, caseId, 'update');
    await managingAgency(tx, kase);
    if (kase.status !== 'open') throw invalid('caseId', '終結したケースの支援チームは変更できません。');
    if (!input.agencyId === !input.resourceName?.trim()) throw invalid('agencyId', '機関か地域資源のどちらか一方を指定してください。');
    if (input.agencyId) {
      const agency = await tx.db.selectFrom('agency').select('agency_id').where('municipality_id', '=', mid).where('agency_id', '=', input.agencyId).where('status', '=', 'active').executeTakeFirst();
      if (!agency) throw invalid('agencyId', '機関が見つかりません。');
      if (input.agencyId === kase.lead_agency_id) throw invalid('agencyId', '主担当の機関はすでにケースを担当しています。');
      const current = await loadTeam(tx.db, mid, caseId);
      if (current.some((m) => m.agency_id === input.agencyId)) throw new AppError('duplicate', undefined, 'この機関はすでに支援チームにいます。');
    }
    const id = newId();
    await tx.db
      .insertInto('support_team_member')
      .values({
        municipality_id: mid,
        team_member_id: id,
        case_id: caseId,
        member_kind: input.agencyId ? 'agency' : 'resource',
        agency_id: input.agencyId ?? null,
        resource_name: input.agencyId ? null : (input.resourceName?.trim() ?? null),
        role: input.role,
        contact_person: input.contactPerson ?? null,
        contact_phone: input.contactPhone ?? null,
        joined_on: isoDayInJapan(tx.now),
        added_by_user_id: tx.actor.userId,
        created_at: tx.now,
        updated_at: tx.now,
      })
      .execute();
    await audit(tx, { action: 'case.team_added', targetType: 'case', targetId: caseId, basis, details: { teamMemberId: id, agencyId: input.agencyId ?? null } });
    return toTeamMemberView((await loadTeam(tx.db, mid, caseId)).find((m) => m.team_member_id === id)!);
  });
}

/** 役割・連絡先の変更, or チームから外す (left_on today; history kept). */
export async function updateTeamMember(
  ctx: Ctx,
  teamMemberId: string,
  input: { version: number } & ({ leave: true } | { leave?: false; role: string; contactPerson?: string | null | undefined; contactPhone?: string | null | undefined }),
): Promise<TeamMemberView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const member = await tx.db.selectFrom('support_team_member').select(['case_id']).where('municipality_id', '=', mid).where('team_member_id', '=', teamMemberId).executeTakeFirst();
    const { basis, kase } = await loadCaseFor(tx, member?.case_id ?? '00000000-0000-0000-0000-000000000000', 'update');
    await managingAgency(tx, kase);
    const set = input.leave ? { left_on: isoDayInJapan(tx.now) } : { role: input.role, contact_person: input.contactPerson ?? null, contact_phone: input.contactPhone ?? null };
    const r = await tx.db
      .updateTable('support_team_member')
      .set((eb) => ({ ...set, updated_at: tx.now, version: eb('version', '+', 1) }))
      .where('municipality_id', '=', mid)
      .where('team_member_id', '=', teamMemberId)
      .where('version', '=', input.version)
      .where('left_on', 'is', null)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new AppError('conflict');
    await audit(tx, { action: input.leave ? 'case.team_left' : 'case.team_updated', targetType: 'case', targetId: kase.case_id, basis, details: { teamMemberId } });
    const rows = await loadTeam(tx.db, mid, kase.case_id, true);
    return toTeamMemberView(rows.find((m) => m.team_member_id === teamMemberId)!);
  });
}
