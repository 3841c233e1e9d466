/**
 * The public form's timestamp token: GET /api/public/consultation-form hands one out, the submission
 * brings it back. An HMAC (server secret) over the municipality, the time it was issued and a random
 * nonce, so a client can neither forge an older time (to beat the minimum fill time) nor reuse a token
 * of another municipality; the nonce is stored with the submission, so a token is good for one
 * submission only.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const TOKEN_VERSION = 'pf1';
/** A person needs at least this long to read the form and write something. */
export const MIN_FILL_MS = 3_000;
/** A form left open longer than this is stale: the page fetches a new token. */
export const MAX_TOKEN_AGE_MS = 12 * 3_600_000;
/** Clock skew tolerated between issuing and checking (several server processes). */
const FUTURE_SKEW_MS = 60_000;

export type TokenCheck =
  | { ok: true; nonce: string; issuedAt: Date }
  | { ok: false; reason: 'token_invalid' | 'too_fast' | 'token_expired' };

function sign(secret: string, municipalityId: string, issuedMs: string, nonce: string): string {
  return createHmac('sha256', secret).update(`${TOKEN_VERSION}|${municipalityId}|${issuedMs}|${nonce}`).digest('base64url');
}

export function issueFormToken(secret: string, municipalityId: string, now: Date, nonce = randomBytes(16).toString('base64url')): string {
  const issuedMs = now.getTime().toString(36);
  return [TOKEN_VERSION, issuedMs, nonce, sign(secret, municipalityId, issuedMs, nonce)].join('.');
}

export function checkFormToken(
  secret: string,
  municipalityId: string,
  token: string,
  now: Date,
  limits: { minFillMs?: number; maxAgeMs?: number } = {},
): TokenCheck {
  const parts = token.split('.');
  if (parts.length !== 4 || parts[0] !== TOKEN_VERSION) return { ok: false, reason: 'token_invalid' };
  const [, issuedMs, nonce, mac] = parts as [string, string, string, string];
  if (!/^[0-9a-z]{1,12}$/.test(issuedMs) || !/^[A-Za-z0-9_-]{16,64}$/.test(nonce)) return { ok: false, reason: 'token_invalid' };
  const expected = Buffer.from(sign(secret, municipalityId, issuedMs, nonce));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'token_invalid' };
  const issuedAt = new Date(Number.parseInt(issuedMs, 36));
  const age = now.getTime() - issuedAt.getTime();
  if (age < -FUTURE_SKEW_MS) return { ok: false, reason: 'token_invalid' };
  if (age < (limits.minFillMs ?? MIN_FILL_MS)) return { ok: false, reason: 'too_fast' };
  if (age > (limits.maxAgeMs ?? MAX_TOKEN_AGE_MS)) return { ok: false, reason: 'token_expired' };
  return { ok: true, nonce, issuedAt };
}
