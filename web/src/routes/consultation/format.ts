/** Display helpers for persons: full name, reading, birth date with age (和暦/西暦 per the user). */
import { ja } from '../../i18n/ja';
import { useFormatDate } from '../../lib/dates';

const c = ja.consultation;

interface Named {
  familyName: string;
  givenName: string;
  familyKana?: string | null;
  givenKana?: string | null;
}

export const fullName = (p: Named) => c.fullName(p.familyName, p.givenName);

export function kanaOf(p: Named): string {
  return [p.familyKana, p.givenKana].filter(Boolean).join(' ');
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Today's calendar day in Japan, whatever the browser's zone. */
function japanToday(now: Date): { y: number; m: number; d: number } {
  const t = new Date(now.getTime() + 9 * 3_600_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** Age in full years on Japan's today (a 2/29 birthday counts from 3/1 in common years). */
export function ageOn(birthDate: string, now: Date = new Date()): number | null {
  const m = ISO_DATE.exec(birthDate);
  if (!m) return null;
  const today = japanToday(now);
  const [by, bm, bd] = [Number(m[1]), Number(m[2]), Number(m[3])];
  let age = today.y - by;
  if (today.m < bm || (today.m === bm && today.d < bd)) age -= 1;
  return age >= 0 ? age : null;
}

/** "昭和21年4月1日（80歳）" or "1946年4月1日（80歳）"; empty when unknown. */
export function useBirthDate(): (birthDate: string | null) => string {
  const fmt = useFormatDate();
  return (birthDate) => {
    if (!birthDate) return '';
    const age = ageOn(birthDate);
    const date = fmt.date(birthDate);
    return age === null ? date : c.dateWithAge(date, c.age(age));
  };
}
