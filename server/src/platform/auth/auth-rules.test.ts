import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FAILURES_BEFORE_LOCK, lockUntilAfterFailure } from './lockout.js';
import { assertStrongPassword } from './password.js';
import { csrfTokenFor, hashSessionToken, newSessionToken, safeEqual } from './tokens.js';
import { currentTotp, matchTotp, newTotpSecret } from './totp.js';

describe('lockout backoff', () => {
  const now = new Date('2026-11-26T00:00:00Z');
  it('does not lock below the threshold and locks for one minute at it', () => {
    expect(lockUntilAfterFailure(FAILURES_BEFORE_LOCK - 1, now)).toBeNull();
    expect(lockUntilAfterFailure(FAILURES_BEFORE_LOCK, now)!.getTime() - now.getTime()).toBe(60_000);
    expect(lockUntilAfterFailure(FAILURES_BEFORE_LOCK + 2, now)!.getTime() - now.getTime()).toBe(240_000);
  });
  it('never decreases and never exceeds one hour', () => {
    fc.assert(
      fc.property(fc.integer({ min: FAILURES_BEFORE_LOCK, max: 10_000 }), (n) => {
        const a = lockUntilAfterFailure(n, now)!.getTime() - now.getTime();
        const b = lockUntilAfterFailure(n + 1, now)!.getTime() - now.getTime();
        return b >= a && b <= 3_600_000;
      }),
    );
  });
});

describe('password strength', () => {
  it.each(['short', 'aaaaaaaaaaaaaaaa', 'password1234', 'my-name-is-houkatsu1'])('refuses %s', (pw) => {
    expect(() => assertStrongPassword(pw, 'houkatsu1')).toThrow(expect.objectContaining({ code: 'weak_password' }));
  });
  it('accepts a long passphrase with Japanese characters', () => {
    expect(() => assertStrongPassword('かさねの支援は断らない2026', 'houkatsu1')).not.toThrow();
  });
});

describe('session tokens', () => {
  it('are random, stored hashed, and give a CSRF token different from the stored hash', () => {
    const a = newSessionToken();
    const b = newSessionToken();
    expect(a).not.toBe(b);
    expect(a.length).toBeGreaterThanOrEqual(43);
    expect(hashSessionToken(a)).not.toContain(a);
    expect(csrfTokenFor(a)).not.toBe(hashSessionToken(a));
    expect(safeEqual(csrfTokenFor(a), csrfTokenFor(a))).toBe(true);
    expect(safeEqual(csrfTokenFor(a), csrfTokenFor(b))).toBe(false);
  });
});

describe('TOTP', () => {
  it('accepts the current and adjacent steps and nothing else', () => {
    const secret = newTotpSecret();
    const now = new Date('2026-11-26T03:00:15Z');
    const step = Math.floor(now.getTime() / 30_000);
    expect(matchTotp(secret, currentTotp(secret, now), now)).toBe(step);
    expect(matchTotp(secret, currentTotp(secret, new Date(now.getTime() + 30_000)), now)).toBe(step + 1);
    expect(matchTotp(secret, currentTotp(secret, new Date(now.getTime() - 90_000)), now)).toBeNull();
    expect(matchTotp(secret, 'abcdef', now)).toBeNull();
  });
});
