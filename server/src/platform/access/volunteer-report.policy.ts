/**
 * 気づきの連絡 filed by a 民生委員・児童委員. The reporter sees and files only their own reports
 * (never case content); staff of the responsible area agency (ownerAgencyIds) handle them.
 */
import { hasRole } from './actor.js';
import type { Action, KindPolicy } from './policy.types.js';
import { deletePersonalRecord } from './personal-record.policy.js';
import { actionIn, allow, deny, isStaff, sameId, sharedAgency } from './relationships.js';

const REPORTER_ACTIONS: readonly Action[] = ['read', 'list', 'create'];
const RESPONSIBLE_AGENCY_ACTIONS: readonly Action[] = ['read', 'list', 'update'];

export const volunteerReportPolicy: KindPolicy = (ctx) => {
  const { actor, action, record } = ctx;
  const volunteer = hasRole(actor, 'community_volunteer');
  const staff = isStaff(actor);
  if (!volunteer && !staff) return deny('role_not_permitted');

  const ownReport = volunteer && sameId(record.reportedByUserId, actor.userId);
  if (ownReport && actionIn(action, REPORTER_ACTIONS)) return allow({ kind: 'own_report' });

  if (staff) {
    if (action === 'delete') return deletePersonalRecord(ctx);
    const agencyId = sharedAgency(actor, record.ownerAgencyIds);
    if (agencyId !== undefined && actionIn(action, RESPONSIBLE_AGENCY_ACTIONS)) {
      return allow({ kind: 'own_agency', agencyId });
    }
    if (agencyId !== undefined) return deny('default_deny');
  }
  if (ownReport) return deny('default_deny');
  return deny('no_relationship');
};
