import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countKpis, type KpiRecords, suppressSmall } from './kpis.js';
import { fiscalYearPeriods } from './participation-rules.js';

const fy = fiscalYearPeriods(2026);
const april = fy.months[0]!;
const may = fy.months[1]!;

const records: KpiRecords = {
  needs: [
    { personId: 'a', openedOn: '2026-03-20', closedOn: null }, // open since the year before
    { personId: 'b', openedOn: '2026-04-10', closedOn: '2026-04-30' }, // April only
    { personId: 'c', openedOn: '2025-10-01', closedOn: '2026-03-31' }, // closed before the year
  ],
  placements: [
    { personId: 'a', startOn: '2026-04-15', endedOn: null, status: 'active' },
    { personId: 'd', startOn: '2026-05-02', endedOn: null, status: 'arranging' }, // a person counted through a placement
  ],
  hosts: [{ registeredOn: '2025-12-01' }, { registeredOn: '2026-05-20' }, { registeredOn: null }],
  followups: [
    { dueOn: '2026-04-22', doneOn: '2026-04-23', placementStatus: 'active' },
    { dueOn: '2026-05-15', doneOn: null, placementStatus: 'active' },
    { dueOn: '2026-05-16', doneOn: null, placementStatus: 'ended' },
  ],
};

describe('participation KPIs', () => {
  it('counts April, May and the whole 年度 by the stated definitions', () => {
    const today = '2026-06-01';
    expect(countKpis(records, april, today)).toEqual({ personsSupported: 2, hostsRegistered: 1, hostsNew: 0, placementsStarted: 1, followupsDone: 1, followupsOverdue: 0 });
    expect(countKpis(records, may, today)).toEqual({ personsSupported: 2, hostsRegistered: 2, hostsNew: 1, placementsStarted: 0, followupsDone: 0, followupsOverdue: 1 });
    expect(countKpis(records, fy.year, today)).toEqual({ personsSupported: 3, hostsRegistered: 2, hostsNew: 1, placementsStarted: 1, followupsDone: 1, followupsOverdue: 1 });
  });

  it('a follow-up not yet due is not overdue', () => {
    expect(countKpis(records, may, '2026-05-15').followupsOverdue).toBe(0);
  });

  it('persons supported in the year are never fewer than in any month, nor more than the months together', () => {
    const day = fc.integer({ min: -60, max: 420 }).map((d) => new Date(Date.UTC(2026, 3, 1) + d * 86_400_000).toISOString().slice(0, 10));
    const need = fc.tuple(fc.constantFrom('p1', 'p2', 'p3', 'p4'), day, fc.option(day, { nil: null })).map(([personId, a, b]) => ({ personId, openedOn: b && b < a ? b : a, closedOn: b && b < a ? a : b }));
    fc.assert(
      fc.property(fc.array(need, { maxLength: 8 }), (needs) => {
        const r: KpiRecords = { needs, placements: [], hosts: [], followups: [] };
        const year = countKpis(r, fy.year, '2027-04-01').personsSupported;
        const months = fy.months.map((m) => countKpis(r, m, '2027-04-01').personsSupported);
        expect(year).toBeGreaterThanOrEqual(Math.max(0, ...months));
        expect(year).toBeLessThanOrEqual(months.reduce((s, n) => s + n, 0));
      }),
    );
  });

  it('hides small counts for publication outside the municipality, keeps zero visible', () => {
    const c = countKpis(records, fy.year, '2026-06-01');
    expect(suppressSmall({ ...c, followupsDone: 12 }, 10)).toEqual({ personsSupported: null, hostsRegistered: null, hostsNew: null, placementsStarted: null, followupsDone: 12, followupsOverdue: null });
    expect(suppressSmall({ ...c, hostsNew: 0 }, 10).hostsNew).toBe(0);
  });
});
