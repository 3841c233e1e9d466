/**
 * Pure rules of the 地域資源 directory: 要再確認 (12 months), schedules (the RFC 5545 subset HSDS
 * uses: WEEKLY with BYDAY, MONTHLY with ordinal BYDAY or BYMONTHDAY), times, postal codes and
 * the search text. Messages are Japanese; callers attach the field path.
 */

/** An entry is 要再確認 when nobody has checked it for 12 months (or ever). */
export const STALE_AFTER_MONTHS = 12;

/** The day 12 months before `today` (YYYY-MM-DD); 29 February falls back to the 28th. */
export function staleCutoff(today: string): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const year = y - STALE_AFTER_MONTHS / 12;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** 要再確認: never assured, or assured before the cutoff. */
export function isStale(assuredDate: string | null, today: string): boolean {
  return assuredDate === null || assuredDate < staleCutoff(today);
}

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const WEEKDAY_LABELS: Readonly<Record<Weekday, string>> = { MO: '月', TU: '火', WE: '水', TH: '木', FR: '金', SA: '土', SU: '日' };

export const SCHEDULE_MESSAGES = {
  weeklyByday: '毎週の予定は曜日を MO,TU,WE,TH,FR,SA,SU から選んでカンマで区切って指定してください（例: MO,WE）。',
  monthlyByday: '毎月の曜日は「第何」と曜日で指定してください（例: 1MO＝第1月曜、-1FR＝最終金曜）。',
  monthlyDay: '毎月の日にちは 1〜31（月末は -1）をカンマで区切って指定してください（例: 1,15）。',
  monthlyNeedsDay: '毎月の予定は、第何何曜日か日にちのどちらかを指定してください。',
  weeklyNoMonthday: '毎週の予定には日にちは指定できません。',
  duplicate: '同じ曜日・日にちが重複しています。',
  time: '時刻は 10:00 のように 24時間制で入力してください。',
  closesAfterOpens: '終了時刻は開始時刻より後にしてください。',
  validRange: '有効期間の終わりは始まり以降の日にしてください。',
} as const;

export interface ScheduleRuleInput {
  freq: 'WEEKLY' | 'MONTHLY';
  byday: string | null;
  bymonthday: string | null;
  opensAt: string | null;
  closesAt: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export interface RuleProblem {
  /** Field of the schedule the problem is about. */
  field: keyof ScheduleRuleInput;
  message: string;
}

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim().toUpperCase())
    .filter((x) => x !== '');

/** BYDAY / BYMONTHDAY written the canonical way ('MO,WE'), or null when empty. */
export function canonicalList(s: string | null): string | null {
  if (s === null) return null;
  const items = list(s.normalize('NFKC'));
  return items.length === 0 ? null : items.join(',');
}

/** Problems of one schedule (empty when it is valid). Input lists should be canonical (canonicalList). */
export function scheduleProblems(s: ScheduleRuleInput): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const days = s.byday ? list(s.byday) : [];
  const monthDays = s.bymonthday ? list(s.bymonthday) : [];
  if (s.freq === 'WEEKLY') {
    if (days.length === 0 || !days.every((d) => (WEEKDAYS as readonly string[]).includes(d))) problems.push({ field: 'byday', message: SCHEDULE_MESSAGES.weeklyByday });
    if (monthDays.length > 0) problems.push({ field: 'bymonthday', message: SCHEDULE_MESSAGES.weeklyNoMonthday });
  } else {
    if (days.length === 0 && monthDays.length === 0) problems.push({ field: 'byday', message: SCHEDULE_MESSAGES.monthlyNeedsDay });
    if (!days.every((d) => /^(-1|[1-5])(MO|TU|WE|TH|FR|SA|SU)$/.test(d))) problems.push({ field: 'byday', message: SCHEDULE_MESSAGES.monthlyByday });
    if (!monthDays.every((d) => /^(-1|[1-9]|[12][0-9]|3[01])$/.test(d))) problems.push({ field: 'bymonthday', message: SCHEDULE_MESSAGES.monthlyDay });
  }
  if (new Set(days).size !== days.length) problems.push({ field: 'byday', message: SCHEDULE_MESSAGES.duplicate });
  if (new Set(monthDays).size !== monthDays.length) problems.push({ field: 'bymonthday', message: SCHEDULE_MESSAGES.duplicate });
  if (s.opensAt !== null && !isTime(s.opensAt)) problems.push({ field: 'opensAt', message: SCHEDULE_MESSAGES.time });
  if (s.closesAt !== null && !isTime(s.closesAt)) problems.push({ field: 'closesAt', message: SCHEDULE_MESSAGES.time });
  if (s.opensAt && s.closesAt && isTime(s.opensAt) && isTime(s.closesAt) && s.closesAt <= s.opensAt) problems.push({ field: 'closesAt', message: SCHEDULE_MESSAGES.closesAfterOpens });
  if (s.validFrom && s.validTo && s.validTo < s.validFrom) problems.push({ field: 'validTo', message: SCHEDULE_MESSAGES.validRange });
  return problems;
}

/** 'HH:MM', 24-hour clock. */
export function isTime(s: string): boolean {
  return /^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(s);
}

/**
 * A time as HSDS writes it ('10:00', '10:00:00', '01:00Z', '10:00+09:00') → 'HH:MM' in Japan time,
 * or null when it cannot be read.
 */
export function timeInJapan(value: string): string | null {
  const m = /^([01]?[0-9]|2[0-3]):([0-5][0-9])(?::[0-5][0-9](?:\.\d+)?)?\s*(Z|[+-](?:[01][0-9]|2[0-3]):?[0-5][0-9])?$/i.exec(value.normalize('NFKC').trim());
  if (!m) return null;
  let minutes = Number(m[1]) * 60 + Number(m[2]);
  const zone = m[3]?.toUpperCase();
  if (zone) {
    const offset = zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
    minutes = (((minutes - offset + 9 * 60) % 1440) + 1440) % 1440;
  }
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** 郵便番号 as '123-4567' (full-width digits and a missing hyphen are fine), or null when it is not one. */
export function canonicalPostalCode(value: string): string | null {
  const digits = value.normalize('NFKC').replace(/[\s〒-]/g, '');
  return /^\d{7}$/.test(digits) ? `${digits.slice(0, 3)}-${digits.slice(3)}` : null;
}

/** Search words: NFKC, lower case, split on spaces (the database keeps the same key per row). */
export function searchWords(query: string): string[] {
  return query
    .normalize('NFKC')
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '')
    .slice(0, 5);
}

/** A LIKE pattern matching the text anywhere. */
export function containsPattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, '\\$&')}%`;
}
