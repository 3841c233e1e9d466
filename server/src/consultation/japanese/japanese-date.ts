/**
 * Birth dates typed in 和暦 or 西暦 → ISO, and ISO → 和暦/西暦 text. Pure apart from reading the clock
 * when no `today` is given. Era table and its documented choices (明治 start): eras.ts.
 */
import {
  EARLIEST_DATE,
  ERAS,
  type Era,
  eraEnd,
  eraOf,
  gregorianYear,
  isValidYmd,
  toIso,
  type YMD,
  warekiFromTable,
  ymdOf,
} from './eras.js';

/** User-facing messages (Japanese), in one place. */
export const DATE_MESSAGES = {
  unreadable: '日付として読み取れません。例: 昭和21年4月1日 / 1946-04-01',
  notExist: 'その日付は存在しません。',
  future: '未来の日付は入力できません。',
  tooEarly: '1868年1月25日（明治元年）より前の日付は入力できません。',
  eraStartsOn: (era: string, firstDay: string) => `${era}は${firstDay}からです。`,
  /** 昭和64年は1月7日までです。 (year is the era's last) / 昭和は64年1月7日までです。 (year beyond it) */
  eraEndsOn: (era: string, lastYear: number, m: number, d: number, typedYear: number) =>
    typedYear === lastYear ? `${era}${lastYear}年は${m}月${d}日までです。` : `${era}は${lastYear}年${m}月${d}日までです。`,
} as const;

export type ParsedDate = { ok: true; iso: string } | { ok: false; message: string };

const ERA_BY_TOKEN: ReadonlyMap<string, Era> = new Map(
  ERAS.flatMap((e): [string, Era][] => [
    [e.name, e],
    [e.name[0]!, e],
    [e.letter, e],
  ]),
);
const ERA_TOKEN = '(明治|大正|昭和|平成|令和|[明大昭平令mtshr])';
/** Date separators after NFKC: - / . and the dash family a Japanese IME produces (ー − ‐ ― …). */
const SEP = '[-/.\\u2010-\\u2015\\u2212\\u30FC]';
const DAY_END = '日?';

const SEIREKI: readonly RegExp[] = [
  new RegExp(`^(\\d{4})${SEP}(\\d{1,2})${SEP}(\\d{1,2})$`),
  /^(\d{4})(\d{2})(\d{2})$/,
  new RegExp(`^(\\d{4})年(\\d{1,2})月(\\d{1,2})${DAY_END}$`),
];
const WAREKI: readonly RegExp[] = [
  new RegExp(`^${ERA_TOKEN}(\\d{1,2}|元)年(\\d{1,2})月(\\d{1,2})${DAY_END}$`),
  new RegExp(`^${ERA_TOKEN}(\\d{1,2}|元)${SEP}(\\d{1,2})${SEP}(\\d{1,2})$`),
  new RegExp(`^${ERA_TOKEN}(\\d{2})(\\d{2})(\\d{2})$`),
];

type Reading = { kind: 'seireki'; ymd: YMD } | { kind: 'wareki'; era: Era; eraYear: number; ymd: YMD };

function read(input: string): Reading | null {
  const s = input.normalize('NFKC').replace(/\s/g, '').toLowerCase().replace(/^西暦/, '');
  for (const re of SEIREKI) {
    const m = re.exec(s);
    if (m) return { kind: 'seireki', ymd: { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } };
  }
  for (const re of WAREKI) {
    const m = re.exec(s);
    if (!m) continue;
    const era = ERA_BY_TOKEN.get(m[1]!)!;
    const eraYear = m[2] === '元' ? 1 : Number(m[2]);
    return { kind: 'wareki', era, eraYear, ymd: { y: gregorianYear(era, eraYear), m: Number(m[3]), d: Number(m[4]) } };
  }
  return null;
}

const TOKYO_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day in Japan of an instant (the municipality's "today"), ISO. */
export function isoDayInJapan(instant: Date): string {
  const part = (type: string) => TOKYO_DAY.formatToParts(instant).find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * Parse a date typed in 西暦 (1946-04-01, 1946/4/1, 19460401, 1946年4月1日) or 和暦 (昭和21年4月1日,
 * 昭和21.4.1, S21.4.1, s21/4/1, H1.1.8, 平成元年1月8日, 令和元年5月1日, R7.4.1, S210401; era as 明治/大正/
 * 昭和/平成/令和, 明/大/昭/平/令, M/T/S/H/R or ㍾㍽㍼㍻㋿). Full-width digits and spaces are fine (NFKC).
 * Checks that the day exists, lies inside the named era, is not before 1868-01-25 and not after
 * `today` (a Date is read as its calendar day in Japan; a string must be YYYY-MM-DD).
 */
export function parseJapaneseDate(input: string, today: Date | string = new Date()): ParsedDate {
  const reading = read(input);
  if (!reading) return { ok: false, message: DATE_MESSAGES.unreadable };
  if (reading.kind === 'wareki' && reading.eraYear < 1) return { ok: false, message: DATE_MESSAGES.notExist };
  if (!isValidYmd(reading.ymd)) return { ok: false, message: DATE_MESSAGES.notExist };
  const iso = toIso(reading.ymd);
  if (iso < EARLIEST_DATE) return { ok: false, message: DATE_MESSAGES.tooEarly };
  if (reading.kind === 'wareki') {
    const { era, eraYear } = reading;
    if (iso < era.start) return { ok: false, message: DATE_MESSAGES.eraStartsOn(era.name, warekiFromTable(era.start, { withEra: false })) };
    const end = eraEnd(era);
    if (end !== null && iso > end) {
      const last = ymdOf(end);
      return { ok: false, message: DATE_MESSAGES.eraEndsOn(era.name, eraOf(end)!.year, last.m, last.d, eraYear) };
    }
  }
  const todayIso = typeof today === 'string' ? toIso(ymdOf(today)) : isoDayInJapan(today);
  if (iso > todayIso) return { ok: false, message: DATE_MESSAGES.future };
  return { ok: true, iso };
}

const WAREKI_FORMAT = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
/** Before this day Intl (ICU) disagrees with eras.ts on 明治 (it starts 明治 on 1868-10-23). */
const GREGORIAN_ADOPTED = '1873-01-01';

/**
 * ISO → 和暦 text, 令和7年4月1日 (first year as 元年). Uses Intl's Japanese calendar; from 1868-01-25 to
 * 1872-12-31 it uses eras.ts instead, so that whatever parseJapaneseDate accepts reads back.
 */
export function formatWareki(iso: string): string {
  const { y, m, d } = ymdOf(iso);
  if (iso >= EARLIEST_DATE && iso < GREGORIAN_ADOPTED) return warekiFromTable(iso);
  const text = WAREKI_FORMAT.format(new Date(Date.UTC(y, m - 1, d)));
  // Older ICU prints 1年; newer ICU already prints 元年.
  return text.replace(/^(\D+?)1年/, '$1元年');
}

/** ISO → 西暦 text, 2025年4月1日. */
export function formatSeireki(iso: string): string {
  const { y, m, d } = ymdOf(iso);
  return `${y}年${m}月${d}日`;
}

/** Age in completed years on a day (born 2000-02-29: 0 on 2001-02-28, 1 on 2001-03-01). */
export function ageOn(birthIso: string, onIso: string): number {
  const b = ymdOf(birthIso);
  const on = ymdOf(onIso);
  if (onIso < birthIso) throw new RangeError(`${onIso} is before the birth date ${birthIso}`);
  const beforeBirthday = on.m < b.m || (on.m === b.m && on.d < b.d);
  return on.y - b.y - (beforeBirthday ? 1 : 0);
}
