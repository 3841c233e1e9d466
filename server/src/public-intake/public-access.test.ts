/**
 * Policy table rows for 住民のオンライン相談: whoever sends the public form has no session and no
 * role, and the system user recorded on its consultations holds no role and no agency. Neither may do
 * anything to any record kind, however the record is related (even the designated agency's own
 * consultations, even with the resident's consent).
 */
import { describe, expect, it } from 'vitest';
import type { Actor } from '../platform/access/actor.js';
import { ACTIONS, can, RECORD_KINDS, type RecordFacts } from '../platform/access/index.js';

const MID = '0190aaaa-0000-7000-8000-000000000001';
const DESIGNATED = '0190aaaa-0000-7000-8000-0000000000a1';

const publicActor: Actor = { userId: '', municipalityId: MID, prefectureCode: '99', loginName: '(public)', roles: [], agencyIds: [] };
const systemUser: Actor = { userId: '0190aaaa-0000-7000-8000-0000000000f1', municipalityId: MID, prefectureCode: '99', loginName: 'public-intake:990001', roles: [], agencyIds: [] };
// Even if someone put the system user into the designated agency, having no role it still sees nothing.
const systemUserInAgency: Actor = { ...systemUser, agencyIds: [DESIGNATED] };

const related = (kind: (typeof RECORD_KINDS)[number]): RecordFacts => ({
  kind,
  municipalityId: MID,
  id: 'r1',
  ownerAgencyIds: [DESIGNATED],
  teamAgencyIds: [DESIGNATED],
  consents: [{ id: 'c1', status: 'given', agencyIds: 'all', dataCategories: 'all' }],
  referrals: [{ referralId: 'f1', toAgencyId: DESIGNATED, status: 'accepted' }],
  reportedByUserId: systemUser.userId,
  // Its own account is the one thing a user may read; this system user cannot sign in to do so.
  subjectUserId: '0190aaaa-0000-7000-8000-0000000000f2',
});

describe('public submissions see nothing of case records', () => {
  for (const [who, actor] of [
    ['the public (no session)', publicActor],
    ['the online-consultation system user', systemUser],
    ['the system user placed in the designated agency', systemUserInAgency],
  ] as const) {
    it(`${who}: every action on every record kind is refused`, () => {
      for (const kind of RECORD_KINDS) {
        for (const action of ACTIONS) {
          const decision = can(actor, action, related(kind));
          expect(decision.allowed, `${kind}.${action}`).toBe(false);
        }
      }
    });
  }
});
