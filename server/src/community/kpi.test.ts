import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGE_BAND_CODES, AGE_BANDS, generationsPresent, isMultiGenerational, totalOf } from './age-bands.js';
import { computeKpi, fiscalMonths, fiscalYearKpis, fiscalYearOf, fiscalYearPeriod, isOpenDuring, type KpiSession } from './kpi.js';

const counts = (child: number, adult: number, elderly: number, unknown = 0) => ({ child, adult, elderly, unknown });
const session = (heldOn: string, c = counts(0, 0, 0), partnerIds: string[] = [], status: 'held' | 'cancelled' = 'held'): KpiSession => ({ heldOn, status, counts: c, partnerIds });

describe('年度 and months', () => {
  it('runs April to March', () => {
    expect(fiscalYearPeriod(2026)).toEqual({ from: '2026-04-01', to: '2027-03-31' });
    expect(fiscalYearOf('2027-03-31')).toBe(2026);
    expect(fiscalYearOf('2026-04-01')).toBe(2026);
    expect(fiscalYearOf('2026-01-15')).toBe(2025);
    const months = fiscalMonths(2027);
    expect(months).toHaveLength(12);
    expect(months[0]).toEqual({ month: '2027-04', from: '2027-04-01', to: '2027-04-30' });
    expect(months[8]).toEqual({ month: '2027-12', from: '2027-12-01', to: '2027-12-31' });
    expect(months[10]).toEqual({ month: '2028-02', from: '2028-02-01', to: '2028-02-29' });
    expect(months[11]!.to).toBe('2028-03-31');
  });
});

describe('age bands', () => {
  it('不明 never makes a session multi-generational on its own', () => {
    expect(isMultiGenerational(counts(3, 0, 0, 5))).toBe(false);
    expect(isMultiGenerational(counts(1, 0, 1))).toBe(true);
    expect(generationsPresent(counts(2, 3, 4, 1))).toBe(3);
    expect(totalOf(counts(2, 3, 4, 1))).toBe(10);
  });
});

describe('places open in a period', () => {
  const april = { from: '2026-04-01', to: '2026-04-30' };
  it('counts a place open on any day of the period', () => {
    expect(isOpenDuring({ placeId: 'a', openedOn: '2026-04-30', closedOn: null }, april)).toBe(true);
    expect(isOpenDuring({ placeId: 'a', openedOn: '2026-05-01', closedOn: null }, april)).toBe(false);
    expect(isOpenDuring({ placeId: 'a', openedOn: '2025-01-01', closedOn: '2026-04-01' }, april)).toBe(true);
    expect(isOpenDuring({ placeId: 'a', openedOn: '2025-01-01', closedOn: '2026-03-31' }, april)).toBe(false);
    expect(isOpenDuring({ placeId: 'a', openedOn: null, closedOn: null }, april)).toBe(false);
  });
});

describe('computeKpi', () => {
  it('matches a hand count', () => {
    const places = [
      { placeId: 'p1', openedOn: '2025-06-01', closedOn: null },
      { placeId: 'p2', openedOn: '2026-05-10', closedOn: null },
      { placeId: 'p3', openedOn: '2024-01-01', closedOn: '2026-04-15' },
      { placeId: 'p4', openedOn: null, closedOn: null },
    ];
    const sessions = [
      session('2026-04-03', counts(4, 0, 6), ['npo', 'jichikai']),
      session('2026-04-10', counts(0, 2, 8, 1), ['jichikai']),
      session('2026-04-17', counts(5, 0, 0), [], 'cancelled'),
      session('2026-05-12', counts(0, 0, 0, 7), ['school']),
      session('2026-03-31', counts(9, 9, 9), ['company']), // previous 年度
    ];
    const april = computeKpi(places, sessions, { from: '2026-04-01', to: '2026-04-30' });
    expect(april).toEqual({ places: 2, sessions: 2, participants: 21, partners: 2, multiGenerationalSessions: 2, byBand: counts(4, 2, 14, 1) });
    const fy = fiscalYearKpis(2026, places, sessions);
    expect(fy.total).toEqual({ places: 3, sessions: 3, participants: 28, partners: 3, multiGenerationalSessions: 2, byBand: counts(4, 2, 14, 8) });
    expect(fy.months[1]).toMatchObject({ month: '2026-05', places: 2, sessions: 1, participants: 7, partners: 1, multiGenerationalSessions: 0 });
    expect(fy.months[11]).toMatchObject({ month: '2027-03', places: 2, sessions: 0, participants: 0, partners: 0 });
  });

  it('the months add up to the year for sessions, participants and multi-generational sessions', () => {
    const sessionArb = fc.record({
      heldOn: fc.integer({ min: 0, max: 364 }).map((n) => new Date(Date.UTC(2026, 3, 1 + n)).toISOString().slice(0, 10)),
      status: fc.constantFrom('held' as const, 'cancelled' as const),
      counts: fc.record({ child: fc.nat(30), adult: fc.nat(30), elderly: fc.nat(30), unknown: fc.nat(5) }),
      partnerIds: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(sessionArb, { maxLength: 40 }), (sessions) => {
        const fy = fiscalYearKpis(2026, [], sessions);
        const sum = (k: 'sessions' | 'participants' | 'multiGenerationalSessions') => fy.months.reduce((s, m) => s + m[k], 0);
        expect(sum('sessions')).toBe(fy.total.sessions);
        expect(sum('participants')).toBe(fy.total.participants);
        expect(sum('multiGenerationalSessions')).toBe(fy.total.multiGenerationalSessions);
        expect(Math.max(0, ...fy.months.map((m) => m.partners))).toBeLessThanOrEqual(fy.total.partners);
      }),
    );
  });
});

describe('AGE_BANDS', () => {
  it('lists every band code once, in order, with non-overlapping known ages', () => {
    expect(AGE_BANDS.map((b) => b.code)).toEqual([...AGE_BAND_CODES]);
    const known = AGE_BANDS.filter((b) => b.minAge !== null);
    for (let i = 1; i < known.length; i++) expect(known[i]!.minAge).toBe((known[i - 1]!.maxAge ?? Number.NaN) + 1);
  });
});
