import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256-bit random session token, sent only in an HttpOnly cookie. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database stores instead of the token. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(`kasane-session|${token}`).digest('base64url');
}

/**
 * CSRF token bound to the session: derived from the (HttpOnly, unreadable to scripts) session token,
 * handed to the page in JSON and expected back in the X-CSRF-Token header on state-changing requests.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`kasane-csrf|${sessionToken}`).digest('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
