import { CONCERN_CATEGORIES } from '../../consultation/concern-categories.js';
import { authorize } from '../../platform/access/authorize.js';
import { audit } from '../../platform/audit/record-audit.js';
import type { Ctx } from '../../platform/context.js';
import type { DbHandle } from '../../platform/db/database.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { loadAgendaItem, materialFacts } from './meeting.repo.js';

const CATEGORY_LABEL = new Map<string, string>(CONCERN_CATEGORIES.map((c) => [c.code, c.label]));

export async function infoRequestsOf(db: DbHandle, mid: string, agendaItemId: string) {
  const rows = await db
    .selectFrom('meeting_info_request as r')
    .innerJoin('agency as a', (j) => j.onRef('a.municipality_id', '=', 'r.municipality_id').onRef('a.agency_id', '=', 'r.to_agency_id'))
    .leftJoin('app_user as u', (j) => j.onRef('u.municipality_id', '=', 'r.municipality_id').onRef('u.user_id', '=', 'r.answered_by_user_id'))
    .select(['r.info_request_id', 'r.to_agency_id', 'a.name', 'r.question', 'r.answer', 'u.display_name', 'r.answered_at', 'r.requested_at'])
    .where('r.municipality_id', '=', mid)
    .where('r.agenda_item_id', '=', agendaItemId)
    .orderBy('r.requested_at')
    .execute();
  return rows.map((r) => ({
    id: r.info_request_id,
    toAgencyId: r.to_agency_id,
    toAgencyName: r.name,
    question: r.question,
    answer: r.answer,
    answeredBy: r.display_name,
    answeredAt: r.answered_at ? new Date(r.answered_at).toISOString() : null,
    requestedAt: new Date(r.requested_at).toISOString(),
  }));
}

async function householdMembers(db: DbHandle, mid: string, householdId: string) {
  const rows = await db
    .selectFrom('household_membership as hm')
    .innerJoin('person as p', (j) => j.onRef('p.municipality_id', '=', 'hm.municipality_id').onRef('p.person_id', '=', 'hm.person_id'))
    .select(['p.person_id', 'p.family_name', 'p.given_name', 'hm.role_in_household'])
    .where('hm.municipality_id', '=', mid)
    .where('hm.household_id', '=', householdId)
    .where('hm.left_on', 'is', null)
    .orderBy('hm.joined_on')
    .execute();
  if (rows.length === 0) return [];
  const concerns = await db
    .selectFrom('person_concern')
    .select(['person_id', 'kind', 'code'])
    .where('municipality_id', '=', mid)
    .where('person_id', 'in', rows.map((r) => r.person_id))
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({
    personId: r.person_id,
    name: `${r.family_name} ${r.given_name}`.trim(),
    roleInHousehold: r.role_in_household,
    concerns: concerns.filter((c) => c.person_id === r.person_id).map((c) => (c.kind === 'category' ? (CATEGORY_LABEL.get(c.code) ?? c.code) : c.code)),
  }));
}

/**
 * 会議資料: one agenda item's case material for the convening agency and this meeting's members —
 * after 守秘義務の確認 (支援会議, 法106条の6) or with consent (重層的支援会議), and only while the
 * meeting is not closed. Every view is audited with its legal basis and purpose; others: not_found.
 */
export async function viewAgendaMaterial(ctx: Ctx, agendaItemId: string) {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const auditAction = 'meeting.material_read';
    const item = await loadAgendaItem(tx.db, mid, agendaItemId);
    const meeting = item
      ? await tx.db
          .selectFrom('meeting as m')
          .innerJoin('meeting_type as t', (j) => j.onRef('t.municipality_id', '=', 'm.municipality_id').onRef('t.meeting_type_id', '=', 'm.meeting_type_id'))
          .select(['m.meeting_id', 'm.convened_by_agency_id', 't.legal_basis'])
          .where('m.municipality_id', '=', mid)
          .where('m.meeting_id', '=', item.meeting_id)
          .executeTakeFirstOrThrow()
      : undefined;
    const facts =
      item && meeting
        ? await materialFacts(tx.db, mid, { meetingId: meeting.meeting_id, convenedByAgencyId: meeting.convened_by_agency_id }, { agendaItemId, caseId: item.case_id, consentConsultationId: item.consent_consultation_id })
        : { kind: 'meeting_material' as const, municipalityId: mid, id: agendaItemId };
    const basis = authorize(tx, 'read', facts, { auditAction });
    if (!item || !meeting) throw new Error('unreachable: authorize refuses a missing agenda item');

    const head = await tx.db
      .selectFrom('support_case as c')
      .innerJoin('household as h', (j) => j.onRef('h.municipality_id', '=', 'c.municipality_id').onRef('h.household_id', '=', 'c.household_id'))
      .innerJoin('agency as a', (j) => j.onRef('a.municipality_id', '=', 'c.municipality_id').onRef('a.agency_id', '=', 'c.lead_agency_id'))
      .select(['h.label', 'a.name as lead_name'])
      .where('c.municipality_id', '=', mid)
      .where('c.case_id', '=', item.case_id)
      .executeTakeFirstOrThrow();
    // 実施中の支援プラン (at most one per case): what a 「プラン承認」 decision approves.
    const activePlan = await tx.db
      .selectFrom('support_plan')
      .select(['plan_id', 'current_version'])
      .where('municipality_id', '=', mid)
      .where('case_id', '=', item.case_id)
      .where('status', '=', 'active')
      .executeTakeFirst();
    const legalBasis = item.legal_basis ?? meeting.legal_basis;
    // The audit names the legal basis of the sharing, also when the convener reads its own material.
    const auditBasis = basis.includes(legalBasis) ? basis : `${basis}・${legalBasis}`;
    await audit(tx, {
      action: auditAction,
      targetType: 'meeting_agenda_item',
      targetId: agendaItemId,
      basis: auditBasis,
      purpose: '会議での検討（会議資料）',
      details: { meetingId: meeting.meeting_id, caseId: item.case_id, agendaBasis: item.basis, consentId: item.consent_id },
    });
    return {
      agendaItemId,
      meetingId: meeting.meeting_id,
      caseId: item.case_id,
      basis: item.basis,
      legalBasis: item.legal_basis,
      consentId: item.consent_id,
      accessBasis: auditBasis,
      householdLabel: head.label,
      leadAgencyName: head.lead_name,
      members: await householdMembers(tx.db, mid, item.household_id),
      minutes: item.minutes,
      decision: item.decision,
      decisionNote: item.decision_note,
      planId: item.plan_id,
      planVersion: item.plan_version,
      activePlan: activePlan ? { planId: activePlan.plan_id, currentVersion: activePlan.current_version } : null,
      infoRequests: await infoRequestsOf(tx.db, mid, agendaItemId),
      version: item.version,
    };
  });
}
