/**
 * Materials and minutes of a meeting (支援会議資料). Closed to the public: only the owning
 * (convening) agency and the meeting's members. Members of a 支援会議（法106条の6）must first confirm
 * the duty of confidentiality; consent-based meetings (重層的支援会議) share only with consent.
 * No consent-only path and no break-glass: materials exist only for the meeting.
 */
import type { Action, KindPolicy } from './policy.types.js';
import { deletePersonalRecord } from './personal-record.policy.js';
import { actionIn, allow, deny, isStaff, meetingAccess, sharedAgency } from './relationships.js';

const OWNER_ACTIONS: readonly Action[] = ['read', 'list', 'create', 'update'];
/** Members read the materials and see them listed under the meeting. */
const MEMBER_ACTIONS: readonly Action[] = ['read', 'list'];

export const meetingMaterialPolicy: KindPolicy = (ctx) => {
  const { actor, action, record, now } = ctx;
  if (!isStaff(actor)) return deny('role_not_permitted');
  if (action === 'delete') return deletePersonalRecord(ctx);

  const ownAgency = sharedAgency(actor, record.ownerAgencyIds);
  if (ownAgency !== undefined && actionIn(action, OWNER_ACTIONS)) {
    return allow({ kind: 'own_agency', agencyId: ownAgency });
  }
  const meeting = meetingAccess(actor, record, now);
  if (meeting?.allowed && actionIn(action, MEMBER_ACTIONS)) return allow(meeting.basis);

  if (meeting !== undefined && !meeting.allowed && actionIn(action, MEMBER_ACTIONS)) {
    return deny(meeting.reason);
  }
  return deny(ownAgency !== undefined || meeting !== undefined ? 'default_deny' : 'no_relationship');
};
