/**
 * Exhaustive grid for personal records: every role × key relationship × every action, against a
 * hand-written table of what must be allowed. Anything not listed must be denied. The seven personal
 * kinds share one rule set, so each cell is checked on all of them.
 */
import { describe, expect, it } from 'vitest';
import { actorWith, NOW, type Relation, recordFor } from './access.fixtures.js';
import { ROLES, type Role } from './actor.js';
import { can } from './policy.js';
import { ACTIONS, type Action, type Basis, PERSONAL_RECORD_KINDS, type PersonalRecordKind } from './policy.types.js';

type Cell = Partial<Record<Action, Basis['kind']>>;

const WORK: Cell = { read: 'own_agency', list: 'own_agency', create: 'own_agency', update: 'own_agency', export: 'own_agency' };
const TEAM: Cell = { read: 'support_team', list: 'support_team', create: 'support_team', update: 'support_team', export: 'support_team' };

const STAFF_GRID: Partial<Record<Relation, Cell>> = {
  own_agency: WORK,
  support_team: TEAM,
  consent_all: { read: 'consent', list: 'consent' },
  consent_scoped: { read: 'consent', list: 'consent' },
  meeting_106_ack: { read: 'meeting' },
  meeting_106_ack_via_agency: { read: 'meeting' },
  meeting_jusou_with_consent: { read: 'consent', list: 'consent' },
  meeting_106_scheduled: { read: 'meeting' },
  meeting_106_closed_team: TEAM,
  referral_requested: { read: 'referral', list: 'referral' },
  referral_working: { read: 'referral', list: 'referral' },
  referral_consent_in_force: { read: 'referral', list: 'referral' },
  confidential_own_agency: WORK,
  confidential_consent: { read: 'consent' },
  confidential_referral: { read: 'referral' },
};

/** Cells that differ for one kind: an accepted referral lets the receiver write 支援経過記録. */
const KIND_EXTRA: Partial<Record<PersonalRecordKind, Partial<Record<Relation, Cell>>>> = {
  progress_note: {
    referral_working: { read: 'referral', list: 'referral', create: 'referral' },
    referral_consent_in_force: { read: 'referral', list: 'referral', create: 'referral' },
    confidential_referral: { read: 'referral', create: 'referral' },
  },
};
const STAFF_ROLE_SET: readonly Role[] = ['caseworker', 'coordinator', 'outreach_worker', 'municipal_admin'];

const GRID: Record<Role, Partial<Record<Relation, Cell>>> = {
  caseworker: STAFF_GRID,
  coordinator: STAFF_GRID,
  outreach_worker: STAFF_GRID,
  municipal_admin: { ...STAFF_GRID, own_agency: { ...WORK, delete: 'own_agency' }, confidential_own_agency: { ...WORK, delete: 'own_agency' } },
  system_admin: {},
  auditor: {},
  prefecture_analyst: {},
  community_volunteer: {},
};

const RELATIONS_IN_GRID: readonly Relation[] = [
  'own_agency', 'support_team', 'consent_all', 'consent_scoped', 'consent_withdrawn', 'consent_expired',
  'consent_other_agency', 'consent_other_category', 'meeting_106_ack', 'meeting_106_ack_via_agency',
  'meeting_106_unack', 'meeting_106_closed', 'meeting_106_nonmember', 'meeting_jusou_no_consent',
  'meeting_jusou_with_consent', 'none', 'other_municipality_same_ids', 'own_report', 'own_account',
  'referral_requested', 'referral_working', 'referral_consent_in_force', 'referral_consent_withdrawn',
  'confidential_own_agency', 'confidential_consent', 'confidential_referral',
  'referral_consent_other_agency', 'referral_draft', 'referral_completed', 'referral_rejected', 'referral_to_other_agency',
  'meeting_106_scheduled', 'meeting_106_closed_team',
];

const cells = ROLES.flatMap((role) =>
  RELATIONS_IN_GRID.flatMap((relation) =>
    ACTIONS.map((action) => ({ role, relation, action, expected: GRID[role][relation]?.[action] })),
  ),
);

describe('personal-record grid', () => {
  it.each(cells)('$role / $relation / $action → $expected', ({ role, relation, action, expected }) => {
    const actor = actorWith(role);
    for (const kind of PERSONAL_RECORD_KINDS) {
      const override = STAFF_ROLE_SET.includes(role) ? KIND_EXTRA[kind]?.[relation] : undefined;
      const expectedHere = override ? override[action] : expected;
      const decision = can(actor, action, recordFor(kind, relation), { now: NOW });
      if (expectedHere === undefined) {
        expect(decision.allowed, `${kind} must be denied`).toBe(false);
      } else {
        expect(decision, kind).toMatchObject({ allowed: true, basis: { kind: expectedHere } });
      }
    }
  });
});
