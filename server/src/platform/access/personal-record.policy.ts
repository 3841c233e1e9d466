/**
 * Shared rules for the personal records: person, household, case, consultation, progress_note,
 * referral, plan (要配慮個人情報).
 *
 * Only staff roles (相談支援員, 多機関協働事業者, アウトリーチ支援員, 市町村管理者) ever reach them.
 * system_admin is a technical role, auditor sees the audit log, prefecture_analyst sees aggregates,
 * 民生委員 see their own reports only. Relations are tried from the strongest to the weakest:
 * own agency (主担当) → 支援チーム → 本人同意 → つなぎ先 (referral receiver) → meeting membership →
 * 緊急閲覧; deny is the last branch.
 */
import { hasRole } from './actor.js';
import type { Action, Decision, DenyReason, KindPolicy, PolicyContext } from './policy.types.js';
import {
  actionIn,
  allow,
  deny,
  findValidConsent,
  isStaff,
  isUsableBreakGlass,
  meetingAccess,
  referralAccess,
  sharedAgency,
} from './relationships.js';

const OWN_AGENCY_ACTIONS: readonly Action[] = ['read', 'list', 'create', 'update', 'export'];
/** 支援チーム: work on the case (update, write progress notes) but never delete. */
const SUPPORT_TEAM_ACTIONS: readonly Action[] = ['read', 'list', 'create', 'update', 'export'];
const CONSENT_ACTIONS: readonly Action[] = ['read', 'list'];
const MEETING_ACTIONS: readonly Action[] = ['read'];
const BREAK_GLASS_ACTIONS: readonly Action[] = ['read'];

/**
 * Records are kept (保存期間); soft deletion is a separate use case. Hard delete only by a
 * 市町村管理者 of the owning agency.
 */
export function deletePersonalRecord({ actor, record }: PolicyContext): Decision {
  if (!hasRole(actor, 'municipal_admin')) return deny('role_not_permitted');
  const agencyId = sharedAgency(actor, record.ownerAgencyIds);
  if (agencyId !== undefined) return allow({ kind: 'own_agency', agencyId });
  return deny('no_relationship');
}

export const personalRecordPolicy: KindPolicy = (ctx) => {
  const { actor, action, record, now } = ctx;
  if (!isStaff(actor)) return deny('role_not_permitted');
  if (action === 'delete') return deletePersonalRecord(ctx);

  const ownAgency = sharedAgency(actor, record.ownerAgencyIds);
  if (ownAgency !== undefined && actionIn(action, OWN_AGENCY_ACTIONS)) {
    return allow({ kind: 'own_agency', agencyId: ownAgency });
  }
  const teamAgency = sharedAgency(actor, record.teamAgencyIds);
  if (teamAgency !== undefined && actionIn(action, SUPPORT_TEAM_ACTIONS)) {
    return allow({ kind: 'support_team', agencyId: teamAgency });
  }
  // 秘匿指定: outside the own agency and support team, the record is never listed or found.
  if (record.confidential === true && action === 'list') return deny('confidential_record');
  const consent = findValidConsent(actor, record, now);
  if (consent !== undefined && actionIn(action, CONSENT_ACTIONS)) {
    return allow({ kind: 'consent', consentId: consent.id });
  }
  const referral = referralAccess(actor, record, action, now);
  if (referral !== undefined) return allow(referral);
  const meeting = meetingAccess(actor, record, now);
  if (meeting?.allowed && actionIn(action, MEETING_ACTIONS)) return allow(meeting.basis);
  if (isUsableBreakGlass(ctx.breakGlass) && actionIn(action, BREAK_GLASS_ACTIONS)) {
    const { grantId, reason } = ctx.breakGlass;
    return allow({ kind: 'break_glass', grantId, reason });
  }

  // Final default: deny, naming the first obstacle a person could act on.
  let reason: DenyReason = 'no_relationship';
  if (meeting !== undefined && !meeting.allowed && actionIn(action, MEETING_ACTIONS)) {
    reason = meeting.reason;
  } else if ((record.consents?.length ?? 0) > 0 && !consent && actionIn(action, CONSENT_ACTIONS)) {
    reason = 'consent_missing';
  } else if (ownAgency || teamAgency || consent || meeting) {
    // A relation exists, but none of them grants this action.
    reason = 'default_deny';
  }
  return deny(reason);
};
