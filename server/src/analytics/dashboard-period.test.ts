import { describe, expect, it } from 'vitest';
import { dashboardPeriod, shows } from './dashboard-period.js';

describe('dashboard period (年度 April–March, or one month of it)', () => {
  it('defaults to the 年度 of today and measures "no contact" at today while the 年度 runs', () => {
    const p = dashboardPeriod({}, '2026-02-10');
    expect(p.fiscalYear).toBe(2025);
    expect(p.period).toEqual({ from: '2025-04-01', to: '2026-03-31' });
    expect(p.months.map((m) => m.month)).toEqual(['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03']);
    expect(p.asOf).toBe('2026-02-10');
  });

  it('takes one month of the 年度 (February of a leap year ends on the 29th) and the 年度 a month belongs to', () => {
    const p = dashboardPeriod({ month: '2028-02' }, '2030-01-01');
    expect(p.fiscalYear).toBe(2027);
    expect(p.period).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(p.asOf).toBe('2028-02-29');
  });

  it('refuses a month outside the 年度 asked for', () => {
    expect(() => dashboardPeriod({ fiscalYear: 2024, month: '2024-03' }, '2026-01-01')).toThrow();
  });

  it('shows every group without a 事業 filter, only that 事業 with one', () => {
    expect(shows({}, 'soudan')).toBe(true);
    expect(shows({ jigyo: 'chiiki' }, 'soudan')).toBe(false);
    expect(shows({ jigyo: 'chiiki' }, 'sanka', 'chiiki')).toBe(true);
  });
});
