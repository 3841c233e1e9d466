/** Display helpers for consultations. */
import { ja } from '../../../i18n/ja';

const i = ja.consultation.intake;

/** Today's calendar day in Japan as YYYY-MM-DD, whatever the browser's zone. */
export function japanTodayIso(now: Date = new Date()): string {
  return new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}

/** 本人 as shown in lists: the name, or 匿名 / 本人不明. */
export function personLabel(c: { personName: string | null; anonymous: boolean }): string {
  if (c.personName) return c.personName;
  return c.anonymous ? i.personAnonymous : i.personUnknown;
}

export const categoryLabel = (code: string) => ja.consultation.categories[code] ?? code;
export const routeLabel = (code: string) => i.routes[code] ?? code;
export const consentLabel = (code: string) => i.consentStatus[code] ?? code;
