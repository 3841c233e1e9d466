/**
 * Small pure helpers the per-kind policies share: who is staff, which agency links the actor to a
 * record, whether a consent is in force, and what a meeting membership grants.
 * Every helper fails closed: missing, empty or malformed facts grant nothing.
 */
import { type Actor, hasRole, type Role } from './actor.js';
import type {
  Action,
  Basis,
  BreakGlass,
  ConsentFact,
  Decision,
  DenyReason,
  MeetingFact,
  RecordFacts,
  ReferralFact,
} from './policy.types.js';

/** Roles that work with cases (相談支援員, 多機関協働, アウトリーチ, 重層事業担当課). */
export const STAFF_ROLES = [
  'municipal_admin',
  'coordinator',
  'caseworker',
  'outreach_worker',
] as const satisfies readonly Role[];

export function allow(basis: Basis): Decision {
  return { allowed: true, basis };
}

export function deny(reason: DenyReason): Decision {
  return { allowed: false, reason };
}

export function actionIn(action: Action, actions: readonly Action[]): boolean {
  return actions.includes(action);
}

export function isStaff(actor: Actor): boolean {
  return hasRole(actor, ...STAFF_ROLES);
}

/** The first of `roles` (in the given order) the actor holds, for a `role` basis. */
export function firstHeldRole(actor: Actor, roles: readonly Role[]): Role | undefined {
  return roles.find((role) => actor.roles.includes(role));
}

/** Same non-empty id. An empty string never matches anything. */
export function sameId(a: string | undefined, b: string | undefined): boolean {
  return typeof a === 'string' && a !== '' && a === b;
}

/** The first of the actor's agencies that appears in `agencyIds`. */
export function sharedAgency(
  actor: Actor,
  agencyIds: readonly string[] | undefined,
): string | undefined {
  if (!Array.isArray(agencyIds)) return undefined;
  return actor.agencyIds.find((id) => id !== '' && agencyIds.includes(id));
}

const JST_OFFSET_MS = 9 * 60 * 60 * 1000; // Japan has no daylight saving time.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Calendar date in Japan (YYYY-MM-DD) at instant `now`; undefined for an invalid Date. */
export function japanDate(now: Date): string | undefined {
  const t = now.getTime();
  if (Number.isNaN(t)) return undefined;
  return new Date(t + JST_OFFSET_MS).toISOString().slice(0, 10);
}

/** validUntil is inclusive: a consent valid until 2025-03-31 holds all of that day, Japan time. */
function notExpired(validUntil: string | undefined, now: Date): boolean {
  if (validUntil === undefined) return true;
  if (typeof validUntil !== 'string') return false;
  if (ISO_DATE.test(validUntil)) {
    const today = japanDate(now);
    return today !== undefined && today <= validUntil;
  }
  const end = Date.parse(validUntil);
  const t = now.getTime();
  return !Number.isNaN(end) && !Number.isNaN(t) && t <= end;
}

function covers(scope: readonly string[] | 'all', matches: (value: string) => boolean): boolean {
  if (scope === 'all') return true;
  return Array.isArray(scope) && scope.some((value) => value !== '' && matches(value));
}

/** Consent given, not expired, covering one of the actor's agencies and the record's data category. */
export function consentCoversActor(
  consent: ConsentFact,
  actor: Actor,
  dataCategory: string | undefined,
  now: Date,
): boolean {
  return (
    consent.status === 'given' &&
    notExpired(consent.validUntil, now) &&
    covers(consent.agencyIds, (id) => actor.agencyIds.includes(id)) &&
    (dataCategory === undefined || covers(consent.dataCategories, (c) => c === dataCategory))
  );
}

export function findValidConsent(
  actor: Actor,
  record: RecordFacts,
  now: Date,
): ConsentFact | undefined {
  return (record.consents ?? []).find((c) =>
    consentCoversActor(c, actor, record.dataCategory, now),
  );
}

export function isMeetingMember(actor: Actor, meeting: MeetingFact): boolean {
  return (
    (Array.isArray(meeting.memberUserIds) &&
      meeting.memberUserIds.some((id) => sameId(id, actor.userId))) ||
    sharedAgency(actor, meeting.memberAgencyIds) !== undefined
  );
}

export type MeetingAccess =
  | { allowed: true; basis: Extract<Basis, { kind: 'meeting' }> }
  | { allowed: false; reason: DenyReason };

function evaluateMeeting(
  actor: Actor,
  record: RecordFacts,
  meeting: MeetingFact,
  now: Date,
): MeetingAccess {
  // Only a scheduled or open meeting gives access; 'closed' or anything unexpected gives nothing.
  if (meeting.status !== 'open' && meeting.status !== 'scheduled') {
    return { allowed: false, reason: 'meeting_closed' };
  }
  if (meeting.consentRequired === false) {
    // 支援会議（法106条の6）: no consent needed, but the member must have confirmed 守秘義務.
    const acknowledged =
      Array.isArray(meeting.confidentialityAcknowledgedUserIds) &&
      meeting.confidentialityAcknowledgedUserIds.some((id) => sameId(id, actor.userId));
    if (!acknowledged) return { allowed: false, reason: 'confidentiality_not_acknowledged' };
  } else if (findValidConsent(actor, record, now) === undefined) {
    // 重層的支援会議 and other consent-based meetings: only what the person consented to.
    return { allowed: false, reason: 'consent_missing' };
  }
  return {
    allowed: true,
    basis: { kind: 'meeting', meetingId: meeting.meetingId, legalBasis: meeting.legalBasis },
  };
}

/**
 * Access through the meetings the actor is a member of: the first that grants wins; otherwise the
 * most actionable refusal (an open meeting's missing consent/acknowledgment before 'meeting_closed').
 * Undefined when the actor is a member of none of the record's meetings.
 */
export function meetingAccess(
  actor: Actor,
  record: RecordFacts,
  now: Date,
): MeetingAccess | undefined {
  let refusal: DenyReason | undefined;
  for (const meeting of record.meetings ?? []) {
    if (!isMeetingMember(actor, meeting)) continue;
    const access = evaluateMeeting(actor, record, meeting, now);
    if (access.allowed) return access;
    if (refusal === undefined || refusal === 'meeting_closed') refusal = access.reason;
  }
  return refusal === undefined ? undefined : { allowed: false, reason: refusal };
}

/** A break-glass grant counts only with a non-blank reason and grant id. */
export function isUsableBreakGlass(breakGlass: BreakGlass | undefined): breakGlass is BreakGlass {
  return (
    breakGlass !== undefined &&
    typeof breakGlass.reason === 'string' &&
    typeof breakGlass.grantId === 'string' &&
    breakGlass.reason.trim() !== '' &&
    breakGlass.grantId.trim() !== ''
  );
}

/** While a referral is sent and not closed, the receiver sees its subject and the attached records. */
const REFERRAL_SHARING: readonly ReferralFact['status'][] = ['requested', 'accepted', 'in_progress', 'on_hold'];
/** Once accepted, the receiver also works on the case: writes 支援経過記録 (progress_note create). */
const REFERRAL_WORKING: readonly ReferralFact['status'][] = ['accepted', 'in_progress', 'on_hold'];

/**
 * Access of a referral's receiving agency: read and list while the referral is open (requested → on_hold),
 * and create — progress notes only — once accepted. A referral that relied on consent shares nothing
 * once that consent is withdrawn, expired or no longer covers the receiver.
 */
export function referralAccess(actor: Actor, record: RecordFacts, action: Action, now: Date): Extract<Basis, { kind: 'referral' }> | undefined {
  for (const referral of record.referrals ?? []) {
    if (sharedAgency(actor, [referral.toAgencyId]) === undefined) continue;
    const statuses = action === 'read' || action === 'list' ? REFERRAL_SHARING : action === 'create' && record.kind === 'progress_note' ? REFERRAL_WORKING : [];
    if (!statuses.includes(referral.status)) continue;
    if (referral.consent !== undefined && !consentCoversActor(referral.consent, actor, record.dataCategory, now)) continue;
    return { kind: 'referral', referralId: referral.referralId };
  }
  return undefined;
}
