/** Presenter for a referral: what the screens need, including due date, overdue flag and actions. */
import type { Actor } from '../platform/access/actor.js';
import { japanDate } from '../platform/access/relationships.js';
import type { ReferralStatus } from '../platform/db/schema.js';
import { legalBasisLabel } from './legal-bases.js';
import type { LoadedReferral, ReferralSettings } from './referral.repo.js';
import { allowedActions, type ReferralAction, type ReferralSide } from './referral-states.js';
import { addWorkingDays, workingDaysBetween } from './working-days.js';

const iso = (d: Date | string) => new Date(d).toISOString();

export function sidesOf(actor: Actor, row: { from_agency_id: string; to_agency_id: string; status: ReferralStatus }): ReferralSide[] {
  const sides: ReferralSide[] = [];
  if (actor.agencyIds.includes(row.from_agency_id)) sides.push('sender');
  if (row.status !== 'draft' && actor.agencyIds.includes(row.to_agency_id)) sides.push('receiver');
  return sides;
}

/**
 * 回答期限: an unanswered referral is due `alertWorkingDays` working days (開庁日) after the day it
 * was sent; from the next day it is overdue. Only a referral still waiting (requested) is overdue.
 */
export function answerClock(status: ReferralStatus, requestedAt: Date | null, settings: ReferralSettings, now: Date) {
  if (!requestedAt) return { dueBy: null, overdue: false, workingDaysWaiting: null };
  const sentOn = japanDate(requestedAt)!;
  const today = japanDate(now)!;
  const dueBy = addWorkingDays(sentOn, settings.alertWorkingDays);
  if (status !== 'requested') return { dueBy, overdue: false, workingDaysWaiting: null };
  return { dueBy, overdue: today > dueBy, workingDaysWaiting: workingDaysBetween(sentOn, today) };
}

export function toReferralView({ row, history, attachments }: LoadedReferral, actor: Actor, settings: ReferralSettings, now: Date) {
  const sides = sidesOf(actor, row);
  const actions: (ReferralAction | 'edit')[] = allowedActions(row.status, sides);
  if (row.status === 'draft' && sides.includes('sender')) actions.unshift('edit');
  return {
    id: row.referral_id,
    status: row.status,
    urgency: row.urgency,
    side: sides.includes('sender') ? ('sender' as const) : ('receiver' as const),
    fromAgencyId: row.from_agency_id,
    fromAgencyName: row.from_name,
    toAgencyId: row.to_agency_id,
    toAgencyName: row.to_name,
    createdBy: row.created_by,
    personId: row.person_id,
    personName: row.family_name === null ? null : `${row.family_name} ${row.given_name ?? ''}`.trim(),
    householdId: row.household_id,
    householdLabel: row.household_label,
    caseId: row.case_id,
    consultationId: row.consultation_id,
    reason: row.reason,
    basis: row.basis,
    legalBasis: row.legal_basis,
    legalBasisLabel: legalBasisLabel(row.legal_basis),
    consentId: row.consent_id,
    consentOverride: row.override_reason ? { reason: row.override_reason, by: row.override_by ?? '', at: iso(row.override_at!) } : null,
    requestedAt: row.requested_at ? iso(row.requested_at) : null,
    respondedAt: row.responded_at ? iso(row.responded_at) : null,
    ...answerClock(row.status, row.requested_at, settings, now),
    rejectReason: row.reject_reason,
    outcomeNote: row.outcome_note,
    needMet: row.need_met,
    attachments,
    history: history.map((h) => ({ from: h.from_status, to: h.to_status, at: iso(h.at), by: h.display_name, agencyName: h.name, note: h.note })),
    allowedActions: actions,
    version: row.version,
  };
}
export type ReferralView = ReturnType<typeof toReferralView>;
