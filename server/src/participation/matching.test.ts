import { describe, expect, it } from 'vitest';
import { type Candidate, type NeedConstraints, rankMatches, scheduleDays, scoreCandidate } from './matching.js';
import { SHIPPED_TAXONOMY } from './participation-codes.js';

const AREAS: Record<string, string> = { east: '東部圏域', west: '西部圏域', south: '南部圏域' };
const labels = { wish: (c: string) => SHIPPED_TAXONOMY[c] ?? c, area: (a: string) => AREAS[a] ?? a };

const need = (over: Partial<NeedConstraints> = {}): NeedConstraints => ({
  wishCodes: ['work_experience'],
  areaIds: [],
  days: [],
  timeFrom: null,
  timeTo: null,
  age: null,
  needCodes: [],
  startWishOn: null,
  acceptsWaitlist: false,
  ...over,
});

const candidate = (over: Partial<Candidate> = {}): Candidate => ({
  kind: 'service',
  id: 'svc-1',
  name: '就労体験 東町工房',
  organizationName: '社会福祉法人 東町会',
  active: true,
  codes: ['work_experience'],
  areaIds: ['east'],
  cityWide: false,
  schedules: [{ freq: 'WEEKLY', byday: 'MO,WE', opensAt: '09:30:00', closesAt: '12:00:00', validFrom: null, validTo: null }],
  minAge: 18,
  maxAge: 64,
  capacity: 5,
  placed: 3,
  waitlistCount: 0,
  accommodationCodes: null,
  ...over,
});

const texts = (n: NeedConstraints, c: Candidate) => scoreCandidate(n, c, labels)?.reasons.map((r) => r.text);

describe('scoreCandidate: reasons in Japanese', () => {
  it('a 就労体験 in 東部圏域 on Monday and Wednesday mornings for a 40-year-old, with places left', () => {
    const m = scoreCandidate(need({ areaIds: ['east'], days: ['MO', 'WE', 'FR'], timeFrom: '09:00', timeTo: '12:00', age: 40 }), candidate(), labels)!;
    expect(m.reasons.map((r) => r.text)).toEqual(['希望: 就労体験に一致', '東部圏域', '月・水の午前に開催', '年齢条件 18–64歳 に該当', '受入枠 残り2']);
    expect(m).toMatchObject({ score: 100, excluded: false, full: false, remaining: 2 });
  });

  it('names only the days that suit the person, and afternoons, evenings and other times', () => {
    expect(texts(need({ days: ['WE'] }), candidate())).toContain('水の午前に開催');
    const afternoon = candidate({ schedules: [{ freq: 'WEEKLY', byday: 'TU', opensAt: '13:00:00', closesAt: '16:00:00', validFrom: null, validTo: null }] });
    expect(texts(need(), afternoon)).toContain('火の午後に開催');
    const long = candidate({ schedules: [{ freq: 'WEEKLY', byday: 'TU,TH', opensAt: '10:00:00', closesAt: '15:00:00', validFrom: null, validTo: null }] });
    expect(texts(need(), long)).toContain('火・木の10:00–15:00に開催');
    const monthly = candidate({ schedules: [{ freq: 'MONTHLY', byday: '1MO,3TH', opensAt: '18:00:00', closesAt: '20:00:00', validFrom: null, validTo: null }] });
    expect(texts(need(), monthly)).toContain('毎月第1月・第3木の夜間に開催');
  });

  it('several wishes in common rank higher than one', () => {
    const n = need({ wishCodes: ['work_experience', 'volunteer'] });
    const both = scoreCandidate(n, candidate({ codes: ['work_experience', 'volunteer'] }), labels)!;
    const one = scoreCandidate(n, candidate(), labels)!;
    expect(both.reasons[0]!.text).toBe('希望: 就労体験・ボランティアに一致');
    expect(both.score).toBeGreaterThan(one.score);
  });

  it('is no match without a wish in common, and never for an inactive service', () => {
    expect(scoreCandidate(need({ wishCodes: ['ibasho'] }), candidate(), labels)).toBeNull();
    expect(scoreCandidate(need(), candidate({ active: false }), labels)).toBeNull();
  });

  it('flags an area outside the wish, a missing schedule and unmet or unknown 配慮', () => {
    const n = need({ areaIds: ['west'], days: ['SA'], needCodes: ['transport', 'small_group'] });
    expect(texts(n, candidate())).toEqual(expect.arrayContaining(['希望の圏域外（東部圏域）', '都合の合う曜日・時間の開催なし', '送迎は要確認', '少人数は要確認']));
    const host = candidate({ kind: 'host', accommodationCodes: ['small_group'], schedules: [], areaIds: [], cityWide: true });
    expect(texts(n, host)).toEqual(expect.arrayContaining(['市内全域', '開催日時の情報なし', '送迎に対応していない', '少人数に対応']));
  });

  it('a schedule that ends before the wished start does not count', () => {
    const ending = candidate({ schedules: [{ freq: 'WEEKLY', byday: 'MO', opensAt: null, closesAt: null, validFrom: null, validTo: '2026-05-31' }] });
    expect(texts(need({ startWishOn: '2026-06-01' }), ending)).toContain('希望の開始日には終了している');
    expect(texts(need({ startWishOn: '2026-05-01' }), ending)).toContain('月に開催');
  });

  it('outside the age range is excluded; an unknown age is a caution', () => {
    const young = scoreCandidate(need({ age: 16 }), candidate(), labels)!;
    expect(young).toMatchObject({ excluded: true, score: 0 });
    expect(young.reasons.map((r) => r.text)).toContain('年齢条件 18–64歳 に該当しない');
    expect(texts(need(), candidate({ minAge: 65, maxAge: null }))).toContain('年齢条件 65歳以上（生年月日が未登録）');
  });

  it('full: excluded unless the person accepts a waitlist, then lower and flagged with the waitlist', () => {
    const full = candidate({ capacity: 3, placed: 3, waitlistCount: 2 });
    const no = scoreCandidate(need(), full, labels)!;
    expect(no).toMatchObject({ excluded: true, full: true, remaining: 0 });
    expect(no.reasons.at(-1)!.text).toBe('満員（待機 2人）・待機は希望しない');
    const yes = scoreCandidate(need({ acceptsWaitlist: true }), full, labels)!;
    expect(yes).toMatchObject({ excluded: false, full: true, score: 80 });
    expect(yes.reasons.at(-1)!.text).toBe('満員（待機 2人）');
  });
});

describe('rankMatches', () => {
  it('ranks the best match first, full ones after equal scores, excluded ones apart', () => {
    const n = need({ areaIds: ['east'], days: ['MO'], age: 30, acceptsWaitlist: true });
    const west = candidate({ id: 'w', name: '西町ファーム', areaIds: ['west'] });
    const east = candidate({ id: 'e', name: '東町工房' });
    const full = candidate({ id: 'f', name: '東町カフェ', capacity: 1, placed: 1 });
    const old = candidate({ id: 'o', name: '高齢者サロン', minAge: 65, maxAge: null });
    const other = candidate({ id: 'x', name: '子ども食堂', codes: ['kodomo_shokudo'] });
    const r = rankMatches(n, [west, full, old, other, east], labels);
    expect(r.matches.map((m) => m.id)).toEqual(['e', 'w', 'f']);
    expect(r.excluded.map((m) => m.id)).toEqual(['o']);
  });
});

describe('scheduleDays', () => {
  it('reads weekly, monthly (第n, 最終) and empty byday', () => {
    expect(scheduleDays({ freq: 'WEEKLY', byday: 'MO,WE', opensAt: null, closesAt: null, validFrom: null, validTo: null }).map((d) => d.label)).toEqual(['月', '水']);
    expect(scheduleDays({ freq: 'MONTHLY', byday: '2TU,-1FR', opensAt: null, closesAt: null, validFrom: null, validTo: null }).map((d) => d.label)).toEqual(['第2火', '最終金']);
    expect(scheduleDays({ freq: null, byday: null, opensAt: null, closesAt: null, validFrom: null, validTo: null })).toHaveLength(7);
  });
});
