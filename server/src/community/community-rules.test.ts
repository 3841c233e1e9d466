import { describe, expect, it } from 'vitest';
import { activityProblems, normaliseRule, placeProblems, sessionProblems } from './community-rules.js';

const rule = { freq: 'weekly' as const, weekdays: [3], intervalWeeks: 1, nths: [], monthDays: [] };
const zero = { child: 0, adult: 0, elderly: 0, unknown: 0 };

describe('place', () => {
  it('an open place has an opening day; a closed one a closing day after it', () => {
    expect(placeProblems({ status: 'preparing' })).toEqual([]);
    expect(placeProblems({ status: 'open' }).map((p) => p.path)).toEqual(['openedOn']);
    expect(placeProblems({ status: 'closed', openedOn: '2026-04-01' }).map((p) => p.path)).toEqual(['closedOn']);
    expect(placeProblems({ status: 'open', openedOn: '2026-04-01', closedOn: '2026-05-01' }).map((p) => p.path)).toEqual(['status']);
    expect(placeProblems({ status: 'closed', openedOn: '2026-04-02', closedOn: '2026-04-01' }).map((p) => p.path)).toEqual(['closedOn']);
  });
});

describe('activity', () => {
  it('needs the parts of its frequency, times in order and a validity in order', () => {
    expect(activityProblems({ schedule: rule, startsAt: '10:00', endsAt: '12:00', validFrom: '2026-04-01' })).toEqual([]);
    expect(activityProblems({ schedule: { ...rule, weekdays: [] }, startsAt: '10:00', endsAt: '10:00', validFrom: '2026-04-01', validTo: '2026-03-01' }).map((p) => p.path)).toEqual([
      'schedule.weekdays',
      'endsAt',
      'validTo',
    ]);
    expect(activityProblems({ schedule: { ...rule, freq: 'monthly_nth' }, startsAt: '10:00', endsAt: '11:00', validFrom: '2026-04-01' }).map((p) => p.path)).toEqual(['schedule.nths']);
    expect(activityProblems({ schedule: { ...rule, freq: 'monthly_day', weekdays: [] }, startsAt: '10:00', endsAt: '11:00', validFrom: '2026-04-01' }).map((p) => p.path)).toEqual(['schedule.monthDays']);
  });

  it('keeps only the fields of the frequency, sorted, 最終 last', () => {
    expect(normaliseRule({ freq: 'monthly_nth', weekdays: [5, 1, 5], intervalWeeks: 3, nths: [-1, 3, 1], monthDays: [9] })).toEqual({ freq: 'monthly_nth', weekdays: [1, 5], nths: [1, 3, -1] });
    expect(normaliseRule({ ...rule, weekdays: [7, 1] })).toEqual({ freq: 'weekly', weekdays: [1, 7], intervalWeeks: 1 });
  });
});

describe('session', () => {
  const schedule = { rule: normaliseRule(rule), validFrom: '2026-04-01', validTo: '2026-06-30', skipHolidays: false };
  it('not in the future, not outside the validity, nobody at a cancelled session', () => {
    expect(sessionProblems({ heldOn: '2026-04-08', today: '2026-04-08', schedule, status: 'held', counts: zero })).toEqual([]);
    expect(sessionProblems({ heldOn: '2026-04-09', today: '2026-04-08', schedule, status: 'held', counts: zero })).toHaveLength(1);
    expect(sessionProblems({ heldOn: '2026-07-01', today: '2026-08-01', schedule, status: 'held', counts: zero })).toHaveLength(1);
    expect(sessionProblems({ heldOn: '2026-04-08', today: '2026-05-01', schedule, status: 'cancelled', counts: { ...zero, elderly: 2 } }).map((p) => p.path)).toEqual(['counts']);
  });
});
