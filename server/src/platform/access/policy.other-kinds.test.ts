/**
 * Meeting materials, volunteer reports, aggregates and the administrative kinds; the municipality
 * boundary, the registry's default deny, and consent expiry on the Japanese calendar day.
 */
import { describe, expect, it } from 'vitest';
import { actorWith, checkRow, NOW, OTHER_MUNICIPALITY, type Row, recordFor, rowName } from './access.fixtures.js';
import { ROLES } from './actor.js';
import { can } from './policy.js';
import { ACTIONS, type Action, type RecordFacts } from './policy.types.js';

const rows: Row[] = [
  // --- meeting materials: owners and members only -----------------------------------------------
  { role: 'coordinator', relation: 'own_agency', kind: 'meeting_material', action: 'create', expect: 'allow', basis: 'own_agency' },
  { role: 'caseworker', relation: 'meeting_106_ack', kind: 'meeting_material', action: 'read', expect: 'allow', basis: { kind: 'meeting', meetingId: 'meeting-106', legalBasis: '社会福祉法106条の6' } },
  { role: 'caseworker', relation: 'meeting_106_ack', kind: 'meeting_material', action: 'list', expect: 'allow', basis: 'meeting' },
  { role: 'caseworker', relation: 'meeting_jusou_with_consent', kind: 'meeting_material', action: 'read', expect: 'allow', basis: { kind: 'meeting', meetingId: 'meeting-jusou', legalBasis: '重層的支援体制整備事業実施要綱' } },
  { role: 'caseworker', relation: 'meeting_106_unack', kind: 'meeting_material', action: 'read', expect: 'deny', reason: 'confidentiality_not_acknowledged' },
  { role: 'caseworker', relation: 'meeting_106_nonmember', kind: 'meeting_material', action: 'read', expect: 'deny', reason: 'no_relationship' },
  { role: 'caseworker', relation: 'meeting_106_closed', kind: 'meeting_material', action: 'read', expect: 'deny', reason: 'meeting_closed' },
  { role: 'caseworker', relation: 'meeting_jusou_no_consent', kind: 'meeting_material', action: 'read', expect: 'deny', reason: 'consent_missing' },
  { role: 'caseworker', relation: 'meeting_106_ack', kind: 'meeting_material', action: 'update', expect: 'deny', reason: 'default_deny' },
  { role: 'caseworker', relation: 'meeting_106_ack', kind: 'meeting_material', action: 'export', expect: 'deny', reason: 'default_deny' },
  { role: 'caseworker', relation: 'consent_all', kind: 'meeting_material', action: 'read', expect: 'deny', reason: 'no_relationship' },
  { role: 'caseworker', relation: 'support_team', kind: 'meeting_material', action: 'read', expect: 'deny', reason: 'no_relationship' },
  { role: 'caseworker', relation: 'none', kind: 'meeting_material', action: 'read', breakGlass: true, expect: 'deny', reason: 'no_relationship' },
  { role: 'system_admin', relation: 'own_agency', kind: 'meeting_material', action: 'read', expect: 'deny', reason: 'role_not_permitted' },
  { role: 'community_volunteer', relation: 'meeting_106_ack', kind: 'meeting_material', action: 'read', expect: 'deny', reason: 'role_not_permitted' },
  // A member of another agency sees the agenda material only: it cannot add to or change it.
  { role: 'caseworker', relation: 'meeting_106_ack', kind: 'meeting_material', action: 'create', expect: 'deny', reason: 'default_deny' },
  { role: 'caseworker', relation: 'meeting_106_ack_via_agency', kind: 'meeting_material', action: 'read', expect: 'allow', basis: 'meeting' },
  { role: 'caseworker', relation: 'meeting_106_scheduled', kind: 'meeting_material', action: 'read', expect: 'allow', basis: 'meeting' },
  { role: 'caseworker', relation: 'meeting_106_unack', kind: 'meeting_material', action: 'list', expect: 'deny', reason: 'confidentiality_not_acknowledged' },
  { role: 'caseworker', relation: 'meeting_jusou_withdrawn_consent', kind: 'meeting_material', action: 'read', expect: 'deny', reason: 'consent_missing' },
  { role: 'coordinator', relation: 'meeting_106_nonmember', kind: 'meeting_material', action: 'list', expect: 'deny', reason: 'no_relationship' },
  // After the meeting closes the material is gone for members, even when their agency is on the team;
  // the team keeps its own access to the case (policy.grid: meeting_106_closed_team).
  { role: 'caseworker', relation: 'meeting_106_closed_team', kind: 'meeting_material', action: 'read', expect: 'deny', reason: 'meeting_closed' },
  { role: 'caseworker', relation: 'meeting_106_closed_team', kind: 'case', action: 'read', expect: 'allow', basis: 'support_team' },
  { role: 'caseworker', relation: 'meeting_106_closed', kind: 'person', action: 'read', expect: 'deny', reason: 'meeting_closed' },

  // --- 気づきの連絡 (volunteer reports) -------------------------------------------------------------
  { role: 'community_volunteer', relation: 'own_report', kind: 'volunteer_report', action: 'read', expect: 'allow', basis: 'own_report' },
  { role: 'community_volunteer', relation: 'own_report', kind: 'volunteer_report', action: 'list', expect: 'allow', basis: 'own_report' },
  { role: 'community_volunteer', relation: 'own_report', kind: 'volunteer_report', action: 'create', expect: 'allow', basis: 'own_report' },
  { role: 'community_volunteer', relation: 'own_report', kind: 'volunteer_report', action: 'update', expect: 'deny', reason: 'default_deny' },
  { role: 'community_volunteer', relation: 'own_report', kind: 'volunteer_report', action: 'export', expect: 'deny', reason: 'default_deny' },
  { role: 'community_volunteer', relation: 'other_report', kind: 'volunteer_report', action: 'read', expect: 'deny', reason: 'no_relationship' },
  { role: 'community_volunteer', relation: 'report_of_own_agency', kind: 'volunteer_report', action: 'read', expect: 'deny', reason: 'no_relationship' },
  { role: 'community_volunteer', relation: 'own_report', extra: { reportedByUserId: '' }, actor: { userId: '' }, kind: 'volunteer_report', action: 'read', expect: 'deny', reason: 'no_relationship' },
  { role: 'caseworker', relation: 'report_of_own_agency', kind: 'volunteer_report', action: 'read', expect: 'allow', basis: 'own_agency' },
  { role: 'outreach_worker', relation: 'report_of_own_agency', kind: 'volunteer_report', action: 'update', expect: 'allow', basis: 'own_agency' },
  { role: 'caseworker', relation: 'report_of_own_agency', kind: 'volunteer_report', action: 'export', expect: 'deny', reason: 'default_deny' },
  { role: 'caseworker', relation: 'report_of_own_agency', kind: 'volunteer_report', action: 'delete', expect: 'deny', reason: 'role_not_permitted' },
  { role: 'caseworker', relation: 'other_report', kind: 'volunteer_report', action: 'read', expect: 'deny', reason: 'no_relationship' },
  { role: 'caseworker', relation: 'own_report', kind: 'volunteer_report', action: 'read', expect: 'deny', reason: 'no_relationship' },
  { role: 'auditor', relation: 'own_report', kind: 'volunteer_report', action: 'read', expect: 'deny', reason: 'role_not_permitted' },
  { role: 'system_admin', relation: 'report_of_own_agency', kind: 'volunteer_report', action: 'read', expect: 'deny', reason: 'role_not_permitted' },
  { role: 'community_volunteer', relation: 'other_municipality_same_ids', kind: 'volunteer_report', action: 'read', expect: 'deny', reason: 'other_municipality' },

  // --- aggregates --------------------------------------------------------------------------------
  { role: 'municipal_admin', relation: 'none', kind: 'aggregate', action: 'export', expect: 'allow', basis: { kind: 'role', role: 'municipal_admin' } },
  { role: 'coordinator', relation: 'none', kind: 'aggregate', action: 'read', expect: 'allow', basis: { kind: 'role', role: 'coordinator' } },
  { role: 'prefecture_analyst', relation: 'none', kind: 'aggregate', action: 'list', expect: 'allow', basis: { kind: 'role', role: 'prefecture_analyst' } },
  { role: 'prefecture_analyst', relation: 'other_municipality_same_ids', kind: 'aggregate', action: 'read', expect: 'allow', basis: { kind: 'role', role: 'prefecture_analyst' } },
  { role: 'prefecture_analyst', relation: 'other_municipality_same_ids', kind: 'aggregate', action: 'export', expect: 'allow', basis: 'role' },
  { role: 'prefecture_analyst', relation: 'other_municipality_same_ids', kind: 'aggregate', action: 'update', expect: 'deny', reason: 'role_not_permitted' },
  { role: 'prefecture_analyst', relation: 'none', extra: { municipalityId: '' }, kind: 'aggregate', action: 'read', expect: 'deny', reason: 'other_municipality' },
  { role: 'prefecture_analyst', relation: 'other_municipality_same_ids', kind: 'person', action: 'read', expect: 'deny', reason: 'other_municipality' },
  { role: 'prefecture_analyst', relation: 'other_municipality_same_ids', kind: 'agency', action: 'list', expect: 'deny', reason: 'other_municipality' },
  { role: 'municipal_admin', relation: 'other_municipality_same_ids', kind: 'aggregate', action: 'read', expect: 'deny', reason: 'other_municipality' },
  { role: ['municipal_admin', 'prefecture_analyst'], relation: 'other_municipality_same_ids', kind: 'aggregate', action: 'read', expect: 'allow', basis: { kind: 'role', role: 'prefecture_analyst' } },
  { role: 'municipal_admin', relation: 'none', kind: 'aggregate', action: 'delete', expect: 'deny', reason: 'role_not_permitted' },
  { role: 'caseworker', relation: 'none', kind: 'aggregate', action: 'read', expect: 'deny', reason: 'role_not_permitted' },
  { role: 'system_admin', relation: 'none', kind: 'aggregate', action: 'read', expect: 'deny', reason: 'role_not_permitted' },
  { role: 'community_volunteer', relation: 'none', kind: 'aggregate', action: 'read', expect: 'deny', reason: 'role_not_permitted' },
  { role: 'auditor', relation: 'none', kind: 'aggregate', action: 'read', expect: 'deny', reason: 'role_not_permitted' },

  // --- user accounts -----------------------------------------------------------------------------
  { role: 'municipal_admin', relation: 'other_account', kind: 'user_account', action: 'create', expect: 'allow', basis: { kind: 'role', role: 'municipal_admin' } },
  { role: 'system_admin', relation: 'other_account', kind: 'user_account', action: 'update', expect: 'allow', basis: { kind: 'role', role: 'system_admin' } },
  { role: 'system_admin', relation: 'other_account', kind: 'user_account', action: 'delete', expect: 'deny', reason: 'role_not_permitted' },
  { role: 'community_volunteer', relation: 'own_account', kind: 'user_account', action: 'read', expect: 'allow', basis: { kind: 'self' } },
  { role: 'auditor', relation: 'own_account', kind: 'user_account', action: 'update', expect: 'allow', basis: 'self' },
  { role: 'caseworker', relation: 'own_account', kind: 'user_account', action: 'list', expect: 'deny', reason: 'role_not_permitted' },
  { role: 'caseworker', relation: 'own_account', kind: 'user_account', action: 'delete', expect: 'deny', reason: 'role_not_permitted' },
  { role: 'caseworker', relation: 'other_account', kind: 'user_account', action: 'read', expect: 'deny', reason: 'role_not_permitted' },
  { role: 'coordinator', relation: 'other_account', kind: 'user_account', action: 'update', expect: 'deny', reason: 'role_not_permitted' },
  { role: 'prefecture_analyst', relation: 'other_account', kind: 'user_account', action: 'read', expect: 'deny', reason: 'role_not_permitted' },
  { role: 'caseworker', relation: 'own_account', actor: { userId: '' }, extra: { subjectUserId: '' }, kind: 'user_account', action: 'read', expect: 'deny', reason: 'role_not_permitted' },
  { role: 'municipal_admin', relation: 'other_municipality_same_ids', kind: 'user_account', action: 'read', expect: 'deny', reason: 'other_municipality' },

  // --- 地域資源・拠点 (directory: services and places, no personal data) -------------------------
  ...(['caseworker', 'coordinator', 'outreach_worker', 'municipal_admin'] as const).map(
    (role): Row => ({ role, relation: 'none', kind: 'directory', action: 'read', expect: 'allow', basis: { kind: 'role', role } }),
  ),
  ...(['coordinator', 'outreach_worker', 'municipal_admin'] as const).map(
    (role): Row => ({ role, relation: 'none', kind: 'directory', action: 'update', expect: 'allow', basis: { kind: 'role', role } }),
  ),
  { role: 'caseworker', relation: 'none', kind: 'directory', action: 'update', expect: 'deny', reason: 'role_not_permitted' },
  { role: 'coordinator', relation: 'none', kind: 'directory', action: 'delete', expect: 'deny', reason: 'role_not_permitted' },
  { role: 'municipal_admin', relation: 'none', kind: 'directory', action: 'delete', expect: 'allow', basis: 'role' },
  ...(['community_volunteer', 'system_admin', 'auditor', 'prefecture_analyst'] as const).map(
    (role): Row => ({ role, relation: 'none', kind: 'directory', action: 'read', expect: 'deny', reason: 'role_not_permitted' }),
  ),
  { role: 'municipal_admin', relation: 'other_municipality_same_ids', kind: 'directory', action: 'read', expect: 'deny', reason: 'other_municipality' },

  // --- agencies ----------------------------------------------------------------------------------
  ...(['caseworker', 'coordinator', 'outreach_worker', 'municipal_admin', 'system_admin'] as const).map(
    (role): Row => ({ role, relation: 'none', kind: 'agency', action: 'list', expect: 'allow', basis: { kind: 'role', role } }),
  ),
  { role: 'municipal_admin', relation: 'none', kind: 'agency', action: 'create', expect: 'allow', basis: 'role' },
  { role: 'system_admin', relation: 'none', kind: 'agency', action: 'update', expect: 'allow', basis: 'role' },
  { role: 'caseworker', relation: 'own_agency', kind: 'agency', action: 'update', expect: 'deny', reason: 'role_not_permitted' },
  { role: 'municipal_admin', relation: 'none', kind: 'agency', action: 'delete', expect: 'deny', reason: 'role_not_permitted' },
  { role: 'community_volunteer', relation: 'none', kind: 'agency', action: 'read', expect: 'deny', reason: 'role_not_permitted' },
  { role: 'prefecture_analyst', relation: 'none', kind: 'agency', action: 'read', expect: 'deny', reason: 'role_not_permitted' },
  { role: 'auditor', relation: 'none', kind: 'agency', action: 'read', expect: 'deny', reason: 'role_not_permitted' },

  // --- audit log: the auditor only --------------------------------------------------------------
  { role: 'auditor', relation: 'none', kind: 'audit_log', action: 'read', expect: 'allow', basis: { kind: 'role', role: 'auditor' } },
  { role: 'auditor', relation: 'none', kind: 'audit_log', action: 'export', expect: 'allow', basis: 'role' },
  { role: 'auditor', relation: 'none', kind: 'audit_log', action: 'update', expect: 'deny', reason: 'role_not_permitted' },
  { role: 'auditor', relation: 'none', kind: 'audit_log', action: 'delete', expect: 'deny', reason: 'role_not_permitted' },
  { role: 'municipal_admin', relation: 'own_agency', kind: 'audit_log', action: 'read', expect: 'deny', reason: 'role_not_permitted' },
  { role: 'system_admin', relation: 'none', kind: 'audit_log', action: 'list', expect: 'deny', reason: 'role_not_permitted' },
  { role: 'system_admin', relation: 'none', kind: 'audit_log', action: 'read', breakGlass: true, expect: 'deny', reason: 'role_not_permitted' },
  { role: 'auditor', relation: 'other_municipality_same_ids', kind: 'audit_log', action: 'read', expect: 'deny', reason: 'other_municipality' },

  // --- municipal configuration -------------------------------------------------------------------
  { role: 'municipal_admin', relation: 'none', kind: 'municipal_config', action: 'update', expect: 'allow', basis: { kind: 'role', role: 'municipal_admin' } },
  { role: 'system_admin', relation: 'none', kind: 'municipal_config', action: 'read', expect: 'allow', basis: 'role' },
  { role: 'municipal_admin', relation: 'none', kind: 'municipal_config', action: 'delete', expect: 'deny', reason: 'role_not_permitted' },
  { role: 'coordinator', relation: 'none', kind: 'municipal_config', action: 'read', expect: 'deny', reason: 'role_not_permitted' },
  { role: 'auditor', relation: 'none', kind: 'municipal_config', action: 'read', expect: 'deny', reason: 'role_not_permitted' },
];

describe('other record kinds', () => {
  it.each(rows.map((row) => [rowName(row), row] as const))('%s', (_name, row) => checkRow(row));
});

describe('deny by default', () => {
  const unknownKinds = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'meeting', ''];
  it.each(unknownKinds)('an unregistered kind %j is denied for every role and action', (kind) => {
    const record = { ...recordFor('person', 'own_agency'), kind } as unknown as RecordFacts;
    for (const role of ROLES) {
      for (const action of ACTIONS) {
        expect(can(actorWith(role), action, record, { now: NOW })).toEqual({ allowed: false, reason: 'default_deny' });
      }
    }
  });

  it('an unknown action is denied even on an own-agency record', () => {
    const decision = can(actorWith('municipal_admin'), 'approve' as Action, recordFor('case', 'own_agency'), { now: NOW });
    expect(decision.allowed).toBe(false);
  });

  it('an actor without roles is denied everything', () => {
    const actor = actorWith([]);
    for (const action of ACTIONS) {
      for (const relation of ['own_agency', 'own_account', 'own_report', 'consent_all'] as const) {
        expect(can(actor, action, recordFor('person', relation), { now: NOW }).allowed).toBe(false);
        expect(can(actor, action, recordFor('aggregate', relation), { now: NOW }).allowed).toBe(false);
      }
    }
  });

  it('a blank break-glass reason or grant id does not count', () => {
    const record = recordFor('person', 'none');
    const actor = actorWith('caseworker');
    for (const breakGlass of [{ reason: '  ', grantId: 'bg-1' }, { reason: '急病', grantId: '' }]) {
      expect(can(actor, 'read', record, { now: NOW, breakGlass })).toEqual({ allowed: false, reason: 'no_relationship' });
    }
  });

  it('an actor without a municipality sees nothing, not even records without one', () => {
    const actor = actorWith('municipal_admin', { municipalityId: '' });
    const record = { ...recordFor('case', 'own_agency'), municipalityId: '' };
    expect(can(actor, 'read', record, { now: NOW })).toEqual({ allowed: false, reason: 'other_municipality' });
  });

  it('the other-municipality fixture really differs only in municipality', () => {
    const record = recordFor('person', 'other_municipality_same_ids');
    expect(record.municipalityId).toBe(OTHER_MUNICIPALITY);
    const sameMunicipality = { ...record, municipalityId: actorWith('caseworker').municipalityId };
    expect(can(actorWith('caseworker'), 'read', sameMunicipality, { now: NOW }).allowed).toBe(true);
  });
});

describe('consent validity is a Japanese calendar day, inclusive', () => {
  const record = recordFor('person', 'consent_all', {
    consents: [{ id: 'c-day', status: 'given', agencyIds: 'all', dataCategories: 'all', validUntil: '2025-06-15' }],
  });
  const cases = [
    { at: '2025-06-14T15:00:00Z', jst: '2025-06-15 00:00', allowed: true },
    { at: '2025-06-15T14:59:59Z', jst: '2025-06-15 23:59:59', allowed: true },
    { at: '2025-06-15T15:00:00Z', jst: '2025-06-16 00:00', allowed: false },
    { at: '2025-06-15T15:30:00Z', jst: '2025-06-16 00:30', allowed: false },
  ];
  it.each(cases)('at $jst JST the consent valid until 2025-06-15 → $allowed', ({ at, allowed }) => {
    expect(can(actorWith('caseworker'), 'read', record, { now: new Date(at) }).allowed).toBe(allowed);
  });

  it('a timestamp validUntil is compared as an instant; garbage or an invalid now fails closed', () => {
    const at = (validUntil: string, now: Date) =>
      can(actorWith('caseworker'), 'read', { ...record, consents: [{ ...record.consents![0]!, validUntil }] }, { now }).allowed;
    expect(at('2025-06-15T03:00:00Z', NOW)).toBe(true);
    expect(at('2025-06-15T02:59:59Z', NOW)).toBe(false);
    expect(at('not a date', NOW)).toBe(false);
    expect(at('2099-12-31', new Date(Number.NaN))).toBe(false);
  });
});
