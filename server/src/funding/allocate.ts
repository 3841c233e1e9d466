/**
 * Integer-yen allocation (按分) and rounding rules. Pure functions, no I/O.
 *
 * Method: the largest-remainder method (Hamilton). Each share first gets the floor of its exact
 * quota `total × weight ÷ Σweight`; the yen left over (fewer than the number of shares) go one each
 * to the shares with the largest remainders. Ties in the remainder are broken by the share's `key`
 * in ascending code-unit order, so the result does not depend on the order of the input.
 * Consequences: the shares sum exactly to the total, each share is within one yen of its exact
 * quota (floor or floor + 1), and a zero weight always gets zero yen.
 * Arithmetic is done in BigInt, so totals and weights up to Number.MAX_SAFE_INTEGER are exact.
 * A positive total with a zero weight sum cannot be allocated: that throws `invalid`.
 */
import { AppError } from '../platform/http/errors.js';

export interface Weighted {
  /** Stable identifier of the share (e.g. 'kaigo', a cost id); unique within one allocation. */
  key: string;
  /** Non-negative integer weight (a count, hours, a ratio numerator). */
  weight: number;
}

export interface Share {
  key: string;
  weight: number;
  amount: number;
}

function checkInteger(value: number, path: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new AppError('invalid', { fields: [{ path, message: '0以上の整数で指定してください。' }] });
  }
}

/** Splits `total` yen over `items` by weight (largest remainder); the result keeps the input order. */
export function allocate(total: number, items: readonly Weighted[], path = 'key'): Share[] {
  checkInteger(total, 'total');
  const seen = new Set<string>();
  for (const item of items) {
    checkInteger(item.weight, `${path}.${item.key}`);
    if (seen.has(item.key)) throw new RangeError(`duplicate allocation key ${item.key}`);
    seen.add(item.key);
  }
  const weightSum = items.reduce((sum, i) => sum + BigInt(i.weight), 0n);
  if (total === 0) return items.map((i) => ({ key: i.key, weight: i.weight, amount: 0 }));
  if (weightSum === 0n) {
    throw new AppError('invalid', { fields: [{ path, message: '按分キーの合計が0のため按分できません。対象の件数・時間を確認してください。' }] });
  }
  const t = BigInt(total);
  const parts = items.map((i) => {
    const product = t * BigInt(i.weight);
    return { key: i.key, weight: i.weight, floor: product / weightSum, remainder: product % weightSum };
  });
  let leftover = t - parts.reduce((sum, p) => sum + p.floor, 0n);
  const order = [...parts].sort((a, b) => (a.remainder === b.remainder ? (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) : a.remainder > b.remainder ? -1 : 1));
  const bonus = new Set<string>();
  for (const p of order) {
    if (leftover === 0n) break;
    bonus.add(p.key);
    leftover -= 1n;
  }
  return parts.map((p) => ({ key: p.key, weight: p.weight, amount: Number(p.floor) + (bonus.has(p.key) ? 1 : 0) }));
}

/** Rounding rules for a claimed amount (端数処理). Configuration picks one per row. */
export const ROUNDING_RULES = ['none', 'floor_1000', 'round_1000', 'floor_10000'] as const;
export type RoundingRule = (typeof ROUNDING_RULES)[number];

/**
 * Applies a rounding rule to a non-negative integer yen amount: 'none' keeps it, 'floor_1000' is
 * 千円未満切捨て, 'round_1000' 千円未満四捨五入 (500 円 rounds up), 'floor_10000' 万円未満切捨て.
 */
export function roundYen(amount: number, rule: RoundingRule): number {
  checkInteger(amount, 'amount');
  switch (rule) {
    case 'none':
      return amount;
    case 'floor_1000':
      return amount - (amount % 1000);
    case 'round_1000':
      return amount % 1000 >= 500 ? amount - (amount % 1000) + 1000 : amount - (amount % 1000);
    case 'floor_10000':
      return amount - (amount % 10000);
  }
}
