import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOST_STAGES, PLACEMENT_STATUSES } from './participation-codes.js';
import {
  addMonths,
  ageOn,
  canMoveHost,
  canMovePlacement,
  fiscalYearOf,
  fiscalYearPeriods,
  followupsFor,
  isFollowupOverdue,
} from './participation-rules.js';

describe('host pipeline 候補 → 打診 → 協力事業者登録 (見送り)', () => {
  it('allows exactly the listed steps', () => {
    const allowed = HOST_STAGES.flatMap((from) => HOST_STAGES.filter((to) => canMoveHost(from, to)).map((to) => `${from}>${to}`));
    expect(allowed).toEqual(['candidate>approached', 'candidate>declined', 'approached>registered', 'approached>declined', 'declined>candidate']);
  });
  it('never registers a host that was not approached first', () => {
    for (const from of HOST_STAGES) if (from !== 'approached') expect(canMoveHost(from, 'registered')).toBe(false);
  });
});

describe('placement status', () => {
  it('終了 is final; 中断 can resume', () => {
    for (const to of PLACEMENT_STATUSES) expect(canMovePlacement('ended', to)).toBe(false);
    expect(canMovePlacement('interrupted', 'active')).toBe(true);
    expect(canMovePlacement('arranging', 'ended')).toBe(false);
  });
});

describe('定着支援 schedule', () => {
  it('1 week, 1 month and 3 months after the start, month ends clamped', () => {
    expect(followupsFor('2026-01-31')).toEqual([
      { label: '1週間後', dueOn: '2026-02-07' },
      { label: '1か月後', dueOn: '2026-02-28' },
      { label: '3か月後', dueOn: '2026-04-30' },
    ]);
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
  });
  it('due dates are always after the start and in schedule order', () => {
    const day = fc.integer({ min: 0, max: 4000 }).map((d) => new Date(Date.UTC(2020, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, (start) => {
        const dues = followupsFor(start).map((f) => f.dueOn);
        expect(dues[0]! > start).toBe(true);
        expect([...dues].sort()).toEqual(dues);
      }),
    );
  });
  it('is overdue only when not done, past due, and the placement still runs', () => {
    const f = { dueOn: '2026-05-01', doneOn: null };
    expect(isFollowupOverdue(f, 'active', '2026-05-02')).toBe(true);
    expect(isFollowupOverdue(f, 'active', '2026-05-01')).toBe(false);
    expect(isFollowupOverdue({ ...f, doneOn: '2026-05-03' }, 'active', '2026-05-10')).toBe(false);
    expect(isFollowupOverdue(f, 'ended', '2026-05-10')).toBe(false);
  });
});

describe('age and 年度', () => {
  it('counts full years', () => {
    expect(ageOn('1990-06-15', '2026-06-14')).toBe(35);
    expect(ageOn('1990-06-15', '2026-06-15')).toBe(36);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn(null, '2026-01-01')).toBeNull();
  });
  it('runs April to March', () => {
    expect(fiscalYearOf('2026-03-31')).toBe(2025);
    expect(fiscalYearOf('2026-04-01')).toBe(2026);
    const { year, months } = fiscalYearPeriods(2026);
    expect(year).toEqual({ label: '2026', from: '2026-04-01', to: '2027-03-31' });
    expect(months.map((m) => m.label)).toEqual(['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02', '2027-03']);
    expect(months[10]).toEqual({ label: '2027-02', from: '2027-02-01', to: '2027-02-28' });
  });
});
