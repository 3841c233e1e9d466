/**
 * The admin page "what can this user see and do" and the Japanese labels used there and in the
 * audit log.
 */
import { describe, expect, it } from 'vitest';
import { actorWith, NOW, OWN_AGENCY } from './access.fixtures.js';
import { ROLES } from './actor.js';
import { describeBasis, describeDenyReason } from './describe.js';
import { capabilityMatrix } from './explain.js';
import { ACTIONS, type Basis, DENY_REASONS, PERSONAL_DATA_KINDS, RECORD_KINDS } from './policy.types.js';

const LABELS = [
  '自機関が主担当', '支援チームの一員', '本人同意あり（全機関）', '支援会議の構成員（守秘義務確認済み）',
  '支援会議の構成員（守秘義務未確認）', '重層的支援会議の構成員（同意なし）', '関係なし', '緊急閲覧',
  '他市町村の記録', '自分のアカウント', '自分の報告',
];

function allowedCells(role: (typeof ROLES)[number]) {
  return capabilityMatrix(actorWith(role), NOW)
    .filter((row) => row.decision.allowed)
    .map((row) => `${row.kind}/${row.relationship}/${row.action}`);
}

describe('capabilityMatrix', () => {
  it('has one row per kind × relationship × action, with the page labels', () => {
    const rows = capabilityMatrix(actorWith('caseworker'), NOW);
    expect(rows).toHaveLength(RECORD_KINDS.length * LABELS.length * ACTIONS.length);
    expect(new Set(rows.map((r) => `${r.kind}/${r.relationship}/${r.action}`)).size).toBe(rows.length);
    expect([...new Set(rows.map((r) => r.relationshipLabel))]).toEqual(LABELS);
  });

  it('shows a caseworker the basis and the reason of each answer', () => {
    const rows = capabilityMatrix(actorWith('caseworker'), NOW);
    const cell = (relationship: string, action = 'read', kind = 'case') =>
      rows.find((r) => r.kind === kind && r.relationship === relationship && r.action === action)?.decision;
    expect(cell('own_agency')).toEqual({ allowed: true, basis: { kind: 'own_agency', agencyId: OWN_AGENCY } });
    expect(cell('support_team', 'update')).toMatchObject({ allowed: true, basis: { kind: 'support_team' } });
    expect(cell('consent_all')).toMatchObject({ allowed: true, basis: { kind: 'consent' } });
    expect(cell('consent_all', 'update')).toEqual({ allowed: false, reason: 'default_deny' });
    expect(cell('support_meeting_acknowledged')).toMatchObject({ allowed: true, basis: { kind: 'meeting', legalBasis: '社会福祉法106条の6' } });
    expect(cell('support_meeting_unacknowledged')).toEqual({ allowed: false, reason: 'confidentiality_not_acknowledged' });
    expect(cell('jusou_meeting_without_consent')).toEqual({ allowed: false, reason: 'consent_missing' });
    expect(cell('none')).toEqual({ allowed: false, reason: 'no_relationship' });
    expect(cell('break_glass')).toMatchObject({ allowed: true, basis: { kind: 'break_glass' } });
    expect(cell('break_glass', 'export')).toEqual({ allowed: false, reason: 'no_relationship' });
    expect(cell('own_account', 'update', 'user_account')).toEqual({ allowed: true, basis: { kind: 'self' } });
  });

  it('never grants anything on another municipality, except aggregates to the prefecture analyst', () => {
    for (const role of ROLES) {
      const crossing = capabilityMatrix(actorWith(role), NOW).filter(
        (r) => r.relationship === 'other_municipality' && r.decision.allowed,
      );
      const expected = role === 'prefecture_analyst' ? ['read', 'export', 'list'].map((a) => `aggregate/${a}`) : [];
      expect(crossing.map((r) => `${r.kind}/${r.action}`)).toEqual(expected);
    }
  });

  it('gives system_admin, auditor and prefecture_analyst no cell on personal data', () => {
    for (const role of ['system_admin', 'auditor', 'prefecture_analyst'] as const) {
      const personal = allowedCells(role).filter((c) => (PERSONAL_DATA_KINDS as readonly string[]).includes(c.split('/')[0]!));
      expect(personal).toEqual([]);
    }
  });

  it('lists exactly what a 民生委員 may do', () => {
    expect(allowedCells('community_volunteer').sort()).toEqual(
      [
        'user_account/own_account/read', 'user_account/own_account/update',
        'volunteer_report/own_report/create', 'volunteer_report/own_report/list', 'volunteer_report/own_report/read',
      ].sort(),
    );
  });

  it('lists exactly what an auditor may do', () => {
    const cells = allowedCells('auditor');
    expect(cells.filter((c) => !c.startsWith('user_account/own_account/')).every((c) => c.startsWith('audit_log/'))).toBe(true);
    expect(cells).toContain('audit_log/none/export');
    expect(cells).not.toContain('audit_log/none/update');
  });

  it('grants nothing on "関係なし" even when the actor\'s own agency id looks like the sample other agency', () => {
    const actor = actorWith('caseworker', { agencyIds: ['other-agency'] });
    const none = capabilityMatrix(actor, NOW).filter((r) => r.relationship === 'none' && r.kind === 'person');
    expect(none.every((r) => !r.decision.allowed)).toBe(true);
  });

  it('works for an actor without agencies', () => {
    const rows = capabilityMatrix(actorWith('system_admin', { agencyIds: [] }), NOW);
    expect(rows.filter((r) => r.kind === 'person' && r.decision.allowed)).toEqual([]);
    expect(rows.some((r) => r.kind === 'agency' && r.action === 'create' && r.decision.allowed)).toBe(true);
  });
});

describe('labels', () => {
  const cases: Array<[Basis, string]> = [
    [{ kind: 'own_agency', agencyId: 'a1' }, '自機関の記録'],
    [{ kind: 'support_team', agencyId: 'a1' }, '支援チーム'],
    [{ kind: 'consent', consentId: 'c-42' }, '本人同意 #c-42'],
    [{ kind: 'meeting', meetingId: 'm1', legalBasis: '社会福祉法106条の6' }, '支援会議（社会福祉法106条の6）'],
    [{ kind: 'break_glass', grantId: 'g1', reason: '救急搬送' }, '緊急閲覧（理由: 救急搬送）'],
    [{ kind: 'role', role: 'municipal_admin' }, '役割: 市町村管理者'],
    [{ kind: 'role', role: 'community_volunteer' }, '役割: 民生委員・児童委員'],
    [{ kind: 'self' }, '本人'],
    [{ kind: 'own_report' }, '自身の報告'],
  ];
  it.each(cases)('describeBasis(%j) = %s', (basis, label) => {
    expect(describeBasis(basis)).toBe(label);
  });

  it('every role and deny reason has its own non-empty label', () => {
    const roleLabels = ROLES.map((role) => describeBasis({ kind: 'role', role }));
    expect(new Set(roleLabels).size).toBe(ROLES.length);
    expect(roleLabels.every((l) => l.length > '役割: '.length)).toBe(true);
    const reasons = DENY_REASONS.map(describeDenyReason);
    expect(new Set(reasons).size).toBe(DENY_REASONS.length);
    expect(reasons.every((l) => typeof l === 'string' && l.length > 0)).toBe(true);
  });
});
