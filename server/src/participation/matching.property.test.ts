import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Candidate, type CandidateSchedule, type NeedConstraints, rankMatches, scoreCandidate } from './matching.js';
import { NEED_CODE_LIST, WEEKDAYS } from './participation-codes.js';

const labels = { wish: (c: string) => c, area: (a: string) => a };
const CODES = ['work_experience', 'volunteer', 'ibasho', 'learning_support'];
const AREAS = ['east', 'west', 'south'];
const time = fc.integer({ min: 6 * 4, max: 22 * 4 }).map((q) => `${String(Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`);
const isoDay = fc.integer({ min: 0, max: 730 }).map((d) => new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
const subset = <T>(items: readonly T[]) => fc.subarray([...items]);

const schedule: fc.Arbitrary<CandidateSchedule> = fc.record({
  freq: fc.constantFrom('WEEKLY' as const, 'MONTHLY' as const, null),
  byday: fc.option(subset(WEEKDAYS).map((d) => d.join(',')), { nil: null }),
  opensAt: fc.option(time, { nil: null }),
  closesAt: fc.option(time, { nil: null }),
  validFrom: fc.constant(null),
  validTo: fc.option(isoDay, { nil: null }),
});

const candidate: fc.Arbitrary<Candidate> = fc.record({
  kind: fc.constantFrom('service' as const, 'host' as const),
  id: fc.uuid(),
  name: fc.string({ maxLength: 8 }),
  organizationName: fc.constant(null),
  active: fc.boolean(),
  codes: subset(CODES),
  areaIds: subset(AREAS),
  cityWide: fc.boolean(),
  schedules: fc.array(schedule, { maxLength: 3 }),
  minAge: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
  maxAge: fc.option(fc.integer({ min: 60, max: 100 }), { nil: null }),
  capacity: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
  placed: fc.integer({ min: 0, max: 6 }),
  waitlistCount: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
  accommodationCodes: fc.option(subset(NEED_CODE_LIST), { nil: null }),
});

const need: fc.Arbitrary<NeedConstraints> = fc.record({
  wishCodes: subset(CODES),
  areaIds: subset(AREAS),
  days: subset(WEEKDAYS),
  timeFrom: fc.option(time, { nil: null }),
  timeTo: fc.option(time, { nil: null }),
  age: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  needCodes: subset(NEED_CODE_LIST),
  startWishOn: fc.option(isoDay, { nil: null }),
  acceptsWaitlist: fc.boolean(),
});

/** One way of adding or narrowing a constraint. */
const tighten = (n: NeedConstraints): fc.Arbitrary<NeedConstraints> =>
  fc.oneof(
    (n.areaIds.length === 0 ? subset(AREAS).filter((a) => a.length > 0) : subset(n.areaIds).filter((a) => a.length > 0)).map((areaIds) => ({ ...n, areaIds })),
    (n.days.length === 0 ? subset(WEEKDAYS).filter((d) => d.length > 0) : subset(n.days).filter((d) => d.length > 0)).map((days) => ({ ...n, days })),
    time.map((t) => ({ ...n, timeFrom: n.timeFrom === null || t > n.timeFrom ? t : n.timeFrom })),
    time.map((t) => ({ ...n, timeTo: n.timeTo === null || t < n.timeTo ? t : n.timeTo })),
    fc.integer({ min: 0, max: 100 }).map((age) => ({ ...n, age: n.age ?? age })),
    fc.constantFrom(...NEED_CODE_LIST).map((c) => ({ ...n, needCodes: n.needCodes.includes(c) ? n.needCodes : [...n.needCodes, c] })),
    isoDay.map((d) => ({ ...n, startWishOn: n.startWishOn === null || d > n.startWishOn ? d : n.startWishOn })),
    fc.constant({ ...n, acceptsWaitlist: false }),
  );

/** Score as a ranking sees it: no match and excluded are below every match. */
const effective = (n: NeedConstraints, c: Candidate) => {
  const m = scoreCandidate(n, c, labels);
  return m === null || m.excluded ? -1 : m.score;
};

describe('matching invariants', () => {
  it('adding or narrowing a constraint never raises a score', () => {
    fc.assert(
      fc.property(
        need.chain((n) => fc.tuple(fc.constant(n), tighten(n))),
        candidate,
        ([loose, tight], c) => {
          expect(effective(tight, c)).toBeLessThanOrEqual(effective(loose, c));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('a full candidate is excluded when the person does not want to wait, and flagged full when they do', () => {
    fc.assert(
      fc.property(need, candidate, (n, c) => {
        const full = { ...c, active: true, codes: [...c.codes, ...n.wishCodes], capacity: c.placed, minAge: null, maxAge: null };
        expect(scoreCandidate({ ...n, acceptsWaitlist: false }, full, labels)).toMatchObject({ excluded: true, full: true });
        expect(scoreCandidate({ ...n, acceptsWaitlist: true }, full, labels)).toMatchObject({ excluded: false, full: true });
      }),
    );
  });

  it('scores stay within 0–100, inactive candidates never appear, and matches are ranked best first', () => {
    fc.assert(
      fc.property(need, fc.array(candidate, { maxLength: 12 }), (n, cs) => {
        const { matches, excluded } = rankMatches(n, cs, labels);
        const inactive = new Set(cs.filter((c) => !c.active).map((c) => c.id));
        for (const m of [...matches, ...excluded]) {
          expect(m.score).toBeGreaterThanOrEqual(0);
          expect(m.score).toBeLessThanOrEqual(100);
          expect(inactive.has(m.id) && !cs.some((c) => c.id === m.id && c.active)).toBe(false);
        }
        for (let i = 1; i < matches.length; i++) expect(matches[i - 1]!.score).toBeGreaterThanOrEqual(matches[i]!.score);
        expect(excluded.every((m) => m.excluded && m.score === 0)).toBe(true);
      }),
    );
  });
});
