import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StatutoryIndicatorCode } from '../statutory-indicators.js';
import { INDICATOR_CODES, type MunicipalityCounts, suppressPrefectureTable } from './prefecture-table.js';

const counts = (c: number[]): Record<StatutoryIndicatorCode, number> => Object.fromEntries(INDICATOR_CODES.map((code, i) => [code, c[i]!])) as Record<StatutoryIndicatorCode, number>;
const city: MunicipalityCounts = { code: '990001', name: 'デモ市', population: 80_000, counts: counts([812, 6, 4, 11, 1_460, 10]) };
const town: MunicipalityCounts = { code: '990010', name: 'デモ町', population: 8_200, counts: counts([6, 2, 1, 2, 88, 0]) };

describe('the prefecture table', () => {
  it('hides counts 1–4 and, per indicator, what the prefecture total would give away (hand-computed)', () => {
    const t = suppressPrefectureTable([city, town]);
    expect(t.rows.map((r) => r.values)).toEqual([
      // 相談 812/6: nothing small. 支援対象者 6/2: 2 hidden, so 6 too. 協力事業者 4/1: both small.
      // 拠点 11/2: 2 hidden, so 11 too. 参加者 1460/88: nothing small. 参加機関 10/0: nothing small.
      { consultations: 812, participation_persons: null, participation_hosts: null, community_places: null, community_participants: 1_460, community_organizations: 10 },
      { consultations: 6, participation_persons: null, participation_hosts: null, community_places: null, community_participants: 88, community_organizations: 0 },
    ]);
    expect(t.totals).toEqual({ consultations: 818, participation_persons: 8, participation_hosts: 5, community_places: 13, community_participants: 1_548, community_organizations: 10 });
    expect(t.suppressed).toBe(6);
  });

  it('hides the total when the only other count is zero, and everything small for a single municipality', () => {
    const t = suppressPrefectureTable([town, { ...city, counts: counts([0, 0, 0, 0, 0, 0]) }]);
    expect(t.rows[0]!.values.participation_persons).toBeNull();
    expect(t.rows[1]!.values.participation_persons).toBe(0);
    expect(t.totals.participation_persons).toBeNull();
    const alone = suppressPrefectureTable([town]);
    expect(alone.totals.community_places).toBeNull();
    expect(alone.totals.consultations).toBe(6);
  });

  it('never lets a hidden count be worked out from the total and the visible counts', () => {
    const municipality = fc.record({ counts: fc.array(fc.nat({ max: 12 }), { minLength: 6, maxLength: 6 }) });
    fc.assert(
      fc.property(fc.array(municipality, { minLength: 1, maxLength: 6 }), (ms) => {
        const input = ms.map((m, i) => ({ code: String(i), name: `m${i}`, population: 1_000, counts: counts(m.counts) }));
        const t = suppressPrefectureTable(input);
        for (const code of INDICATOR_CODES) {
          const raw = input.map((m) => m.counts[code]);
          const shown = t.rows.map((r) => r.values[code]);
          shown.forEach((v, i) => {
            if (v !== null) expect(v).toBe(raw[i]);
            if (raw[i]! >= 1 && raw[i]! < 5) expect(v).toBeNull();
          });
          const hidden = shown.filter((v) => v === null).length;
          // With the total shown, one hidden count would be total − visible: never exactly one.
          if (t.totals[code] !== null) {
            expect(t.totals[code]).toBe(raw.reduce((a, b) => a + b, 0));
            expect(hidden).not.toBe(1);
          }
        }
      }),
    );
  });
});
