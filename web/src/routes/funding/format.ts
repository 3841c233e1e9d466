import { ja } from '../../i18n/ja';

const t = ja.funding;

/** Integer yen with 円, or — when there is no amount. */
export const yen = (n: number | null | undefined) => (n === null || n === undefined ? t.none : t.yen(n));
export const partLabel = (p: string) => t.parts[p] ?? p;
export const siloLabel = (s: string) => t.silos[s] ?? s;
