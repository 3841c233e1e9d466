/**
 * Personal records (person, household, case, consultation, progress_note, referral, plan).
 * Table-driven: each row is one question to `can` and its required answer. Refusals are listed as
 * carefully as permissions.
 */
import { describe, expect, it } from 'vitest';
import { BREAK_GLASS, checkRow, OWN_AGENCY, type Row, rowName } from './access.fixtures.js';

const STAFF = ['caseworker', 'coordinator', 'outreach_worker', 'municipal_admin'] as const;

const rows: Row[] = [
  // --- who is allowed, and on which basis --------------------------------------------------------
  ...STAFF.flatMap((role): Row[] => [
    { role, relation: 'own_agency', kind: 'case', action: 'read', expect: 'allow', basis: { kind: 'own_agency', agencyId: OWN_AGENCY } },
    { role, relation: 'own_agency', kind: 'person', action: 'update', expect: 'allow', basis: 'own_agency' },
    { role, relation: 'own_agency', kind: 'consultation', action: 'create', expect: 'allow', basis: 'own_agency' },
    { role, relation: 'own_agency', kind: 'household', action: 'export', expect: 'allow', basis: 'own_agency' },
    { role, relation: 'support_team', kind: 'case', action: 'read', expect: 'allow', basis: { kind: 'support_team', agencyId: OWN_AGENCY } },
    { role, relation: 'support_team', kind: 'progress_note', action: 'create', expect: 'allow', basis: 'support_team' },
    { role, relation: 'support_team', kind: 'plan', action: 'update', expect: 'allow', basis: 'support_team' },
    { role, relation: 'consent_all', kind: 'person', action: 'read', expect: 'allow', basis: { kind: 'consent', consentId: 'consent-1' } },
    { role, relation: 'meeting_106_ack', kind: 'case', action: 'read', expect: 'allow', basis: { kind: 'meeting', meetingId: 'meeting-106', legalBasis: '社会福祉法106条の6' } },
    { role, relation: 'none', kind: 'person', action: 'read', breakGlass: true, expect: 'allow', basis: { kind: 'break_glass', ...BREAK_GLASS } },
    { role, relation: 'none', kind: 'case', action: 'read', expect: 'deny', reason: 'no_relationship' },
    { role, relation: 'own_agency', kind: 'case', action: 'delete', expect: role === 'municipal_admin' ? 'allow' : 'deny', ...(role === 'municipal_admin' ? { basis: 'own_agency' as const } : { reason: 'role_not_permitted' as const }) } as Row,
  ]),
  { role: 'caseworker', relation: 'consent_scoped', kind: 'consultation', action: 'list', expect: 'allow', basis: 'consent' },
  { role: 'caseworker', relation: 'meeting_106_ack_via_agency', kind: 'case', action: 'read', expect: 'allow', basis: 'meeting' },
  { role: 'caseworker', relation: 'meeting_106_scheduled', kind: 'case', action: 'read', expect: 'allow', basis: 'meeting' },
  { role: 'caseworker', relation: 'meeting_jusou_with_consent', kind: 'case', action: 'read', expect: 'allow', basis: 'consent' },
  // A stronger relation wins the basis: own agency before team before consent.
  { role: 'caseworker', relation: 'own_agency', extra: { teamAgencyIds: [OWN_AGENCY] }, kind: 'case', action: 'read', expect: 'allow', basis: 'own_agency' },
  { role: 'caseworker', relation: 'support_team', extra: { consents: [{ id: 'c9', status: 'given', agencyIds: 'all', dataCategories: 'all' }] }, kind: 'case', action: 'read', expect: 'allow', basis: 'support_team' },
  // A user holding a technical and a staff role gets the staff rights, nothing more.
  { role: ['system_admin', 'caseworker'], relation: 'own_agency', kind: 'person', action: 'read', expect: 'allow', basis: 'own_agency' },
  { role: ['system_admin', 'caseworker'], relation: 'none', kind: 'person', action: 'read', expect: 'deny', reason: 'no_relationship' },

  // --- roles that never see personal records -----------------------------------------------------
  { role: 'system_admin', relation: 'own_agency', kind: 'person', action: 'read', expect: 'deny', reason: 'role_not_permitted' },
  { role: 'system_admin', relation: 'consent_all', kind: 'case', action: 'list', expect: 'deny', reason: 'role_not_permitted' },
  { role: 'system_admin', relation: 'own_agency', kind: 'person', action: 'delete', expect: 'deny', reason: 'role_not_permitted' },
  { role: 'auditor', relation: 'own_agency', kind: 'case', action: 'read', expect: 'deny', reason: 'role_not_permitted' },
  { role: 'auditor', relation: 'meeting_106_ack', kind: 'progress_note', action: 'read', expect: 'deny', reason: 'role_not_permitted' },
  { role: 'prefecture_analyst', relation: 'own_agency', kind: 'person', action: 'read', expect: 'deny', reason: 'role_not_permitted' },
  { role: 'prefecture_analyst', relation: 'consent_all', kind: 'household', action: 'export', expect: 'deny', reason: 'role_not_permitted' },
  { role: 'community_volunteer', relation: 'own_agency', kind: 'case', action: 'read', expect: 'deny', reason: 'role_not_permitted' },
  { role: 'community_volunteer', relation: 'own_report', kind: 'person', action: 'read', expect: 'deny', reason: 'role_not_permitted' },
  { role: 'community_volunteer', relation: 'meeting_106_ack', kind: 'case', action: 'read', expect: 'deny', reason: 'role_not_permitted' },

  // --- unrelated agency, other municipality ------------------------------------------------------
  { role: 'caseworker', relation: 'none', kind: 'referral', action: 'list', expect: 'deny', reason: 'no_relationship' },
  { role: 'coordinator', relation: 'none', kind: 'plan', action: 'update', expect: 'deny', reason: 'no_relationship' },
  { role: 'caseworker', relation: 'own_agency', actor: { agencyIds: ['agency-x'] }, kind: 'person', action: 'read', expect: 'deny', reason: 'no_relationship' },
  { role: 'caseworker', relation: 'own_agency', actor: { agencyIds: [] }, kind: 'person', action: 'read', expect: 'deny', reason: 'no_relationship' },
  { role: 'caseworker', relation: 'own_agency', actor: { agencyIds: [''] }, extra: { ownerAgencyIds: [''] }, kind: 'person', action: 'read', expect: 'deny', reason: 'no_relationship' },
  { role: 'caseworker', relation: 'other_municipality_same_ids', kind: 'person', action: 'read', expect: 'deny', reason: 'other_municipality' },
  { role: 'municipal_admin', relation: 'other_municipality_same_ids', kind: 'case', action: 'delete', expect: 'deny', reason: 'other_municipality' },
  { role: 'caseworker', relation: 'other_municipality_same_ids', kind: 'case', action: 'read', breakGlass: true, expect: 'deny', reason: 'other_municipality' },

  // --- consent that does not cover this actor ----------------------------------------------------
  { role: 'caseworker', relation: 'consent_withdrawn', kind: 'person', action: 'read', expect: 'deny', reason: 'consent_missing' },
  { role: 'caseworker', relation: 'consent_refused', kind: 'person', action: 'read', expect: 'deny', reason: 'consent_missing' },
  { role: 'caseworker', relation: 'consent_unknown', kind: 'person', action: 'list', expect: 'deny', reason: 'consent_missing' },
  { role: 'caseworker', relation: 'consent_expired', kind: 'person', action: 'read', expect: 'deny', reason: 'consent_missing' },
  { role: 'caseworker', relation: 'consent_other_agency', kind: 'case', action: 'read', expect: 'deny', reason: 'consent_missing' },
  { role: 'caseworker', relation: 'consent_other_category', kind: 'case', action: 'read', expect: 'deny', reason: 'consent_missing' },
  // Consent lets the agency look, not write, export or delete.
  { role: 'caseworker', relation: 'consent_all', kind: 'person', action: 'update', expect: 'deny', reason: 'default_deny' },
  { role: 'caseworker', relation: 'consent_all', kind: 'person', action: 'export', expect: 'deny', reason: 'default_deny' },
  { role: 'caseworker', relation: 'consent_all', kind: 'progress_note', action: 'create', expect: 'deny', reason: 'default_deny' },
  { role: 'municipal_admin', relation: 'consent_all', kind: 'person', action: 'delete', expect: 'deny', reason: 'no_relationship' },

  // --- meetings ----------------------------------------------------------------------------------
  { role: 'caseworker', relation: 'meeting_106_unack', kind: 'case', action: 'read', expect: 'deny', reason: 'confidentiality_not_acknowledged' },
  { role: 'caseworker', relation: 'meeting_106_nonmember', kind: 'case', action: 'read', expect: 'deny', reason: 'no_relationship' },
  { role: 'caseworker', relation: 'meeting_106_closed', kind: 'case', action: 'read', expect: 'deny', reason: 'meeting_closed' },
  { role: 'caseworker', relation: 'meeting_jusou_no_consent', kind: 'case', action: 'read', expect: 'deny', reason: 'consent_missing' },
  { role: 'caseworker', relation: 'meeting_jusou_withdrawn_consent', kind: 'person', action: 'read', expect: 'deny', reason: 'consent_missing' },
  // A meeting shares for reading in the meeting, nothing else.
  { role: 'caseworker', relation: 'meeting_106_ack', kind: 'case', action: 'update', expect: 'deny', reason: 'default_deny' },
  { role: 'caseworker', relation: 'meeting_106_ack', kind: 'case', action: 'export', expect: 'deny', reason: 'default_deny' },
  { role: 'caseworker', relation: 'meeting_106_ack', kind: 'case', action: 'list', expect: 'deny', reason: 'default_deny' },

  // --- break-glass: staff, read only, with a reason ----------------------------------------------
  { role: 'community_volunteer', relation: 'none', kind: 'person', action: 'read', breakGlass: true, expect: 'deny', reason: 'role_not_permitted' },
  { role: 'prefecture_analyst', relation: 'none', kind: 'person', action: 'read', breakGlass: true, expect: 'deny', reason: 'role_not_permitted' },
  { role: 'auditor', relation: 'none', kind: 'case', action: 'read', breakGlass: true, expect: 'deny', reason: 'role_not_permitted' },
  { role: 'system_admin', relation: 'none', kind: 'case', action: 'read', breakGlass: true, expect: 'deny', reason: 'role_not_permitted' },
  ...(['list', 'update', 'create', 'export', 'delete'] as const).map((action): Row => ({
    role: 'caseworker', relation: 'none', kind: 'person', action, breakGlass: true, expect: 'deny',
    reason: action === 'delete' ? 'role_not_permitted' : 'no_relationship',
  })),
  // Break-glass is an independent ground: it also opens a record a meeting refused.
  { role: 'caseworker', relation: 'meeting_106_unack', kind: 'case', action: 'read', breakGlass: true, expect: 'allow', basis: 'break_glass' },
  { role: 'municipal_admin', relation: 'none', kind: 'case', action: 'delete', breakGlass: true, expect: 'deny', reason: 'no_relationship' },
  { role: 'municipal_admin', relation: 'support_team', kind: 'case', action: 'delete', expect: 'deny', reason: 'no_relationship' },
];

describe('personal records', () => {
  it.each(rows.map((row) => [rowName(row), row] as const))('%s', (_name, row) => checkRow(row));

  it('the table covers every staff and non-staff role', () => {
    const roles = new Set(rows.flatMap((r) => (typeof r.role === 'string' ? [r.role] : r.role)));
    expect([...roles].sort()).toEqual(
      ['auditor', 'caseworker', 'community_volunteer', 'coordinator', 'municipal_admin', 'outreach_worker', 'prefecture_analyst', 'system_admin'],
    );
  });
});
