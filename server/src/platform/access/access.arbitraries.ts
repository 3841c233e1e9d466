/**
 * fast-check arbitraries for the access-policy property tests: small id pools so that random
 * actors and records collide often enough to exercise every rule. Not a test file itself.
 */
import fc from 'fast-check';
import { type Actor, ROLES } from './actor.js';
import {
  ACTIONS,
  type BreakGlass,
  type ConsentFact,
  type MeetingFact,
  PERSONAL_DATA_KINDS,
  PERSONAL_RECORD_KINDS,
  RECORD_KINDS,
  type RecordFacts,
  type RecordKind,
  type ReferralFact,
} from './policy.types.js';

export const AGENCIES = ['ag1', 'ag2', 'ag3'];
export const USERS = ['u1', 'u2', 'u3'];
export const MUNICIPALITIES = ['m1', 'm2'];
export const CATEGORIES = ['basic', 'health', 'finance'];
export const STAFF = ['caseworker', 'coordinator', 'outreach_worker', 'municipal_admin'] as const;
/** Instants with their calendar day in Japan, written out by hand as the oracle. */
export const INSTANTS = [
  { now: new Date('2025-06-14T15:00:00Z'), jstDay: '2025-06-15' },
  { now: new Date('2025-06-15T14:59:59Z'), jstDay: '2025-06-15' },
  { now: new Date('2025-06-15T15:00:00Z'), jstDay: '2025-06-16' },
];
export const DAYS = ['2025-06-14', '2025-06-15', '2025-06-16', '2025-06-17'];

/** Mostly the actor's own municipality, so that the rules behind the boundary get exercised. */
export const municipalityArb = fc.oneof(
  { arbitrary: fc.constant('m1'), weight: 6 },
  { arbitrary: fc.constant('m2'), weight: 1 },
);
export const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
export const ids = (pool: string[]) => fc.subarray(pool);

export const actorArb: fc.Arbitrary<Actor> = fc.record({
  userId: fc.constantFrom(...USERS),
  municipalityId: municipalityArb,
  prefectureCode: fc.constant('13'),
  loginName: fc.constant('tester'),
  roles: fc.subarray([...ROLES]),
  agencyIds: ids(AGENCIES),
});

export const consentArb: fc.Arbitrary<ConsentFact> = fc.record({
  id: fc.constantFrom('c1', 'c2', 'c3'),
  status: fc.constantFrom('given', 'refused', 'unknown', 'withdrawn'),
  agencyIds: fc.oneof(fc.constant('all' as const), ids(AGENCIES)),
  dataCategories: fc.oneof(fc.constant('all' as const), ids(CATEGORIES)),
  validUntil: optional(fc.constantFrom(...DAYS)),
});

export const meetingArb: fc.Arbitrary<MeetingFact> = fc.record({
  meetingId: fc.constantFrom('mt1', 'mt2'),
  meetingTypeCode: fc.constantFrom('shien_kaigi', 'jusou_shien_kaigi'),
  legalBasis: fc.constantFrom('社会福祉法106条の6', '重層的支援体制整備事業実施要綱'),
  consentRequired: fc.boolean(),
  memberAgencyIds: ids(AGENCIES),
  memberUserIds: ids(USERS),
  confidentialityAcknowledgedUserIds: ids(USERS),
  status: fc.constantFrom('scheduled', 'open', 'closed'),
});

export const referralArb: fc.Arbitrary<ReferralFact> = fc.record({
  referralId: fc.constantFrom('rf1', 'rf2'),
  toAgencyId: fc.constantFrom(...AGENCIES),
  status: fc.constantFrom('draft', 'requested', 'accepted', 'rejected', 'in_progress', 'on_hold', 'completed', 'failed', 'cancelled'),
  consent: optional(consentArb),
});

export const recordArb: fc.Arbitrary<RecordFacts> = fc.record({
  kind: fc.constantFrom(...RECORD_KINDS),
  municipalityId: municipalityArb,
  id: optional(fc.constant('r1')),
  ownerAgencyIds: optional(ids(AGENCIES)),
  teamAgencyIds: optional(ids(AGENCIES)),
  consents: optional(fc.array(consentArb, { maxLength: 3 })),
  meetings: optional(fc.array(meetingArb, { maxLength: 3 })),
  referrals: optional(fc.array(referralArb, { maxLength: 2 })),
  confidential: optional(fc.boolean()),
  reportedByUserId: optional(fc.constantFrom(...USERS)),
  subjectUserId: optional(fc.constantFrom(...USERS)),
  dataCategory: optional(fc.constantFrom(...CATEGORIES)),
});

export const breakGlassArb: fc.Arbitrary<BreakGlass | undefined> = optional(
  fc.record({ reason: fc.constantFrom('生命の危険', ' '), grantId: fc.constantFrom('g1', '') }),
);

export const caseArb = fc.record({
  actor: actorArb,
  action: fc.constantFrom(...ACTIONS),
  record: recordArb,
  breakGlass: breakGlassArb,
  instant: fc.constantFrom(...INSTANTS),
});

export const has = (list: readonly string[] | undefined, id: string) => (list ?? []).includes(id);
export const isPersonalRecord = (kind: RecordKind) => (PERSONAL_RECORD_KINDS as readonly string[]).includes(kind);
export const isPersonalData = (kind: RecordKind) => (PERSONAL_DATA_KINDS as readonly string[]).includes(kind);

/** Independent oracle for "this consent lets this actor see this record on this day". */
export function consentHolds(c: ConsentFact, actor: Actor, record: RecordFacts, jstDay: string): boolean {
  return (
    c.status === 'given' &&
    (c.validUntil === undefined || c.validUntil >= jstDay) &&
    (c.agencyIds === 'all' || c.agencyIds.some((a) => actor.agencyIds.includes(a))) &&
    (record.dataCategory === undefined || c.dataCategories === 'all' || c.dataCategories.includes(record.dataCategory))
  );
}
