/**
 * 受付番号 of an online consultation, e.g. W-2611-7K3Q: W (web), the year and month in Japan, and
 * four random characters of Crockford's base 32 (no I, L, O, U: nothing to confuse when read aloud
 * over the phone). Random, not sequential, so a number says nothing about how many came before; no
 * endpoint looks anything up by number, so guessing one reveals nothing either.
 */
import { randomInt } from 'node:crypto';

export const REFERENCE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const REFERENCE_PATTERN = /^W-\d{4}-[0-9A-HJKMNP-TV-Z]{4}$/;
const JST_OFFSET_MS = 9 * 3_600_000;
export const MAX_REFERENCE_ATTEMPTS = 8;

export function newReferenceNumber(now: Date, pick: (n: number) => number = randomInt): string {
  const jst = new Date(now.getTime() + JST_OFFSET_MS).toISOString();
  const yymm = `${jst.slice(2, 4)}${jst.slice(5, 7)}`;
  let suffix = '';
  for (let i = 0; i < 4; i++) suffix += REFERENCE_ALPHABET[pick(REFERENCE_ALPHABET.length)];
  return `W-${yymm}-${suffix}`;
}

/**
 * Draws numbers until `tryClaim` stores one (it returns false when the number is already taken).
 * A collision is rare (about a million numbers a month); after MAX_REFERENCE_ATTEMPTS it gives up.
 */
export async function allocateReferenceNumber(now: Date, tryClaim: (candidate: string) => Promise<boolean>, draw: (now: Date) => string = newReferenceNumber): Promise<string> {
  for (let attempt = 0; attempt < MAX_REFERENCE_ATTEMPTS; attempt++) {
    const candidate = draw(now);
    if (await tryClaim(candidate)) return candidate;
  }
  throw new Error('no free reference number after several attempts');
}
