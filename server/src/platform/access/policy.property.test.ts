/**
 * Properties of `can` over random actors, records and contexts (fast-check):
 * every permission names a basis the facts actually support, nothing crosses a municipality except
 * aggregates for 都道府県 analysts, and a personal record without relationship facts stays closed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  actorArb,
  CATEGORIES,
  caseArb,
  consentHolds,
  has,
  INSTANTS,
  isPersonalData,
  isPersonalRecord,
  MUNICIPALITIES,
  optional,
  STAFF,
} from './access.arbitraries.js';
import { hasRole } from './actor.js';
import { can } from './policy.js';
import { ACTIONS, type Action, PERSONAL_DATA_KINDS } from './policy.types.js';

const params = { numRuns: 3000 };

describe('access policy properties', () => {
  it('every permission names a basis the facts support', () => {
    fc.assert(
      fc.property(caseArb, ({ actor, action, record, breakGlass, instant }) => {
        const decision = can(actor, action, record, { breakGlass, now: instant.now });
        if (!decision.allowed) return;
        const { basis } = decision;
        const inAny = (a: Action, list: Action[]) => list.includes(a);
        if (record.municipalityId !== actor.municipalityId) {
          expect(record.kind).toBe('aggregate');
          expect(basis).toEqual({ kind: 'role', role: 'prefecture_analyst' });
        }
        switch (basis.kind) {
          case 'own_agency':
            expect(actor.agencyIds).toContain(basis.agencyId);
            expect(record.ownerAgencyIds ?? []).toContain(basis.agencyId);
            expect(isPersonalData(record.kind)).toBe(true);
            expect(hasRole(actor, ...STAFF)).toBe(true);
            if (action === 'delete') expect(actor.roles).toContain('municipal_admin');
            break;
          case 'support_team':
            expect(actor.agencyIds).toContain(basis.agencyId);
            expect(record.teamAgencyIds ?? []).toContain(basis.agencyId);
            expect(isPersonalRecord(record.kind)).toBe(true);
            expect(action).not.toBe('delete');
            break;
          case 'consent': {
            const held = (record.consents ?? []).filter((c) => c.id === basis.consentId);
            expect(held.some((c) => consentHolds(c, actor, record, instant.jstDay))).toBe(true);
            expect(isPersonalRecord(record.kind) && inAny(action, ['read', 'list'])).toBe(true);
            if (action === 'list') expect(record.confidential).not.toBe(true);
            break;
          }
          case 'referral': {
            // The receiver, while the referral shares (read) or once accepted (progress notes only),
            // and never after the consent it relied on lapsed.
            const sharing = ['requested', 'accepted', 'in_progress', 'on_hold'];
            const working = ['accepted', 'in_progress', 'on_hold'];
            const held = (record.referrals ?? []).filter(
              (r) =>
                r.referralId === basis.referralId &&
                actor.agencyIds.includes(r.toAgencyId) &&
                (action === 'create' ? working : sharing).includes(r.status) &&
                (r.consent === undefined || consentHolds(r.consent, actor, record, instant.jstDay)),
            );
            expect(held.length).toBeGreaterThan(0);
            expect(isPersonalRecord(record.kind)).toBe(true);
            expect(action === 'read' || (action === 'list' && record.confidential !== true) || (action === 'create' && record.kind === 'progress_note')).toBe(true);
            break;
          }
          case 'meeting': {
            const meetings = (record.meetings ?? []).filter(
              (m) =>
                m.meetingId === basis.meetingId &&
                m.legalBasis === basis.legalBasis &&
                m.status !== 'closed' &&
                (has(m.memberUserIds, actor.userId) || m.memberAgencyIds.some((a) => actor.agencyIds.includes(a))) &&
                (m.consentRequired
                  ? (record.consents ?? []).some((c) => consentHolds(c, actor, record, instant.jstDay))
                  : has(m.confidentialityAcknowledgedUserIds, actor.userId)),
            );
            expect(meetings.length).toBeGreaterThan(0);
            const actions: Action[] = record.kind === 'meeting_material' ? ['read', 'list'] : ['read'];
            expect(inAny(action, actions)).toBe(true);
            break;
          }
          case 'break_glass':
            expect(breakGlass).toBeDefined();
            expect(basis).toEqual({ kind: 'break_glass', grantId: breakGlass?.grantId, reason: breakGlass?.reason });
            expect(basis.reason.trim()).not.toBe('');
            expect(basis.grantId).not.toBe('');
            expect(action).toBe('read');
            expect(isPersonalRecord(record.kind)).toBe(true);
            expect(hasRole(actor, ...STAFF)).toBe(true);
            break;
          case 'role':
            expect(actor.roles).toContain(basis.role);
            expect(isPersonalData(record.kind)).toBe(false);
            break;
          case 'self':
            expect(record.kind).toBe('user_account');
            expect(record.subjectUserId).toBe(actor.userId);
            break;
          case 'own_report':
            expect(record.kind).toBe('volunteer_report');
            expect(record.reportedByUserId).toBe(actor.userId);
            expect(actor.roles).toContain('community_volunteer');
            break;
          default:
            throw new Error(`unexpected basis ${JSON.stringify(basis)}`);
        }
      }),
      params,
    );
  });

  it('the generators reach every basis and every deny reason (the properties are not vacuous)', () => {
    const seen = new Set<string>();
    for (const { actor, action, record, breakGlass, instant } of fc.sample(caseArb, { numRuns: 20000, seed: 20250615 })) {
      const decision = can(actor, action, record, { breakGlass, now: instant.now });
      seen.add(decision.allowed ? decision.basis.kind : decision.reason);
    }
    expect([...seen].sort()).toEqual(
      [
        'break_glass', 'confidential_record', 'confidentiality_not_acknowledged', 'consent', 'consent_missing', 'default_deny', 'meeting',
        'meeting_closed', 'no_relationship', 'other_municipality', 'own_agency', 'own_report', 'referral', 'role',
        'role_not_permitted', 'self', 'support_team',
      ],
    );
  });

  it('a personal record without relationship facts and without break-glass is denied to everyone', () => {
    const bare = fc.record({
      kind: fc.constantFrom(...PERSONAL_DATA_KINDS),
      municipalityId: fc.constantFrom(...MUNICIPALITIES),
      id: optional(fc.constant('r1')),
      dataCategory: optional(fc.constantFrom(...CATEGORIES)),
    });
    fc.assert(
      fc.property(actorArb, fc.constantFrom(...ACTIONS), bare, fc.constantFrom(...INSTANTS), (actor, action, record, instant) => {
        expect(can(actor, action, record, { now: instant.now }).allowed).toBe(false);
      }),
      params,
    );
  });

  it('technical, audit and prefecture roles never reach personal data, whatever the facts', () => {
    const outsider = actorArb.map((a) => ({ ...a, roles: a.roles.filter((r) => ['system_admin', 'auditor', 'prefecture_analyst'].includes(r)) }));
    fc.assert(
      fc.property(outsider, caseArb, (actor, { action, record, breakGlass, instant }) => {
        fc.pre(isPersonalData(record.kind));
        expect(can(actor, action, record, { breakGlass, now: instant.now }).allowed).toBe(false);
      }),
      params,
    );
  });

  it('a 民生委員 without a staff role reaches personal data only through their own report', () => {
    const volunteer = actorArb.map((a) => ({ ...a, roles: ['community_volunteer' as const] }));
    fc.assert(
      fc.property(volunteer, caseArb, (actor, { action, record, breakGlass, instant }) => {
        fc.pre(isPersonalData(record.kind));
        const decision = can(actor, action, record, { breakGlass, now: instant.now });
        if (decision.allowed) {
          expect(decision.basis).toEqual({ kind: 'own_report' });
          expect(record.kind).toBe('volunteer_report');
        }
      }),
      params,
    );
  });

  it('break-glass changes nothing except a staff read of a personal record', () => {
    fc.assert(
      fc.property(caseArb, ({ actor, action, record, instant }) => {
        const breakGlass = { reason: '生命の危険', grantId: 'g1' };
        const without = can(actor, action, record, { now: instant.now });
        const withGlass = can(actor, action, record, { breakGlass, now: instant.now });
        if (action !== 'read' || !isPersonalRecord(record.kind) || !hasRole(actor, ...STAFF)) {
          expect(withGlass).toEqual(without);
        }
        if (without.allowed) expect(withGlass).toEqual(without);
      }),
      params,
    );
  });

  it('is pure: same answer twice and the inputs are not modified', () => {
    fc.assert(
      fc.property(caseArb, ({ actor, action, record, breakGlass, instant }) => {
        const before = structuredClone({ actor, record, breakGlass });
        const first = can(actor, action, record, { breakGlass, now: instant.now });
        expect(can(actor, action, record, { breakGlass, now: instant.now })).toEqual(first);
        expect({ actor, record, breakGlass }).toEqual(before);
      }),
      { numRuns: 500 },
    );
  });
});
