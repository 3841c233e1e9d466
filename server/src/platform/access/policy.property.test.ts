/**
 * Properties of `can` over random actors, records and contexts (fast-check):
 * every permission names a basis the facts actually support, nothing crosses a municipality except
 * aggregates for 都道府県 analysts, and a personal record without relationship facts stays closed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Actor, hasRole, ROLES } from './actor.js';
import { can } from './policy.js';
import {
  ACTIONS,
  type Action,
  type BreakGlass,
  type ConsentFact,
  type MeetingFact,
  PERSONAL_DATA_KINDS,
  PERSONAL_RECORD_KINDS,
  RECORD_KINDS,
  type RecordFacts,
  type RecordKind,
} from './policy.types.js';

const AGENCIES = ['ag1', 'ag2', 'ag3'];
const USERS = ['u1', 'u2', 'u3'];
const MUNICIPALITIES = ['m1', 'm2'];
const CATEGORIES = ['basic', 'health', 'finance'];
const STAFF = ['caseworker', 'coordinator', 'outreach_worker', 'municipal_admin'] as const;
/** Instants with their calendar day in Japan, written out by hand as the oracle. */
const INSTANTS = [
  { now: new Date('2025-06-14T15:00:00Z'), jstDay: '2025-06-15' },
  { now: new Date('2025-06-15T14:59:59Z'), jstDay: '2025-06-15' },
  { now: new Date('2025-06-15T15:00:00Z'), jstDay: '2025-06-16' },
];
const DAYS = ['2025-06-14', '2025-06-15', '2025-06-16', '2025-06-17'];

/** Mostly the actor's own municipality, so that the rules behind the boundary get exercised. */
const municipalityArb = fc.oneof(
  { arbitrary: fc.constant('m1'), weight: 6 },
  { arbitrary: fc.constant('m2'), weight: 1 },
);
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const ids = (pool: string[]) => fc.subarray(pool);

const actorArb: fc.Arbitrary<Actor> = fc.record({
  userId: fc.constantFrom(...USERS),
  municipalityId: municipalityArb,
  prefectureCode: fc.constant('13'),
  loginName: fc.constant('tester'),
  roles: fc.subarray([...ROLES]),
  agencyIds: ids(AGENCIES),
});

const consentArb: fc.Arbitrary<ConsentFact> = fc.record({
  id: fc.constantFrom('c1', 'c2', 'c3'),
  status: fc.constantFrom('given', 'refused', 'unknown', 'withdrawn'),
  agencyIds: fc.oneof(fc.constant('all' as const), ids(AGENCIES)),
  dataCategories: fc.oneof(fc.constant('all' as const), ids(CATEGORIES)),
  validUntil: optional(fc.constantFrom(...DAYS)),
});

const meetingArb: fc.Arbitrary<MeetingFact> = fc.record({
  meetingId: fc.constantFrom('mt1', 'mt2'),
  meetingTypeCode: fc.constantFrom('shien_kaigi', 'jusou_shien_kaigi'),
  legalBasis: fc.constantFrom('社会福祉法106条の6', '重層的支援体制整備事業実施要綱'),
  consentRequired: fc.boolean(),
  memberAgencyIds: ids(AGENCIES),
  memberUserIds: ids(USERS),
  confidentialityAcknowledgedUserIds: ids(USERS),
  status: fc.constantFrom('scheduled', 'open', 'closed'),
});

const recordArb: fc.Arbitrary<RecordFacts> = fc.record({
  kind: fc.constantFrom(...RECORD_KINDS),
  municipalityId: municipalityArb,
  id: optional(fc.constant('r1')),
  ownerAgencyIds: optional(ids(AGENCIES)),
  teamAgencyIds: optional(ids(AGENCIES)),
  consents: optional(fc.array(consentArb, { maxLength: 3 })),
  meetings: optional(fc.array(meetingArb, { maxLength: 3 })),
  reportedByUserId: optional(fc.constantFrom(...USERS)),
  subjectUserId: optional(fc.constantFrom(...USERS)),
  dataCategory: optional(fc.constantFrom(...CATEGORIES)),
});

const breakGlassArb: fc.Arbitrary<BreakGlass | undefined> = optional(
  fc.record({ reason: fc.constantFrom('生命の危険', ' '), grantId: fc.constantFrom('g1', '') }),
);

const caseArb = fc.record({
  actor: actorArb,
  action: fc.constantFrom(...ACTIONS),
  record: recordArb,
  breakGlass: breakGlassArb,
  instant: fc.constantFrom(...INSTANTS),
});

const has = (list: readonly string[] | undefined, id: string) => (list ?? []).includes(id);
const isPersonalRecord = (kind: RecordKind) => (PERSONAL_RECORD_KINDS as readonly string[]).includes(kind);
const isPersonalData = (kind: RecordKind) => (PERSONAL_DATA_KINDS as readonly string[]).includes(kind);

/** Independent oracle for "this consent lets this actor see this record on this day". */
function consentHolds(c: ConsentFact, actor: Actor, record: RecordFacts, jstDay: string): boolean {
  return (
    c.status === 'given' &&
    (c.validUntil === undefined || c.validUntil >= jstDay) &&
    (c.agencyIds === 'all' || c.agencyIds.some((a) => actor.agencyIds.includes(a))) &&
    (record.dataCategory === undefined || c.dataCategories === 'all' || c.dataCategories.includes(record.dataCategory))
  );
}

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
        'break_glass', 'confidentiality_not_acknowledged', 'consent', 'consent_missing', 'default_deny', 'meeting',
        'meeting_closed', 'no_relationship', 'other_municipality', 'own_agency', 'own_report', 'role',
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
