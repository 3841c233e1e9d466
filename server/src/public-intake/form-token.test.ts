import { describe, expect, it } from 'vitest';
import { checkFormToken, issueFormToken, MAX_TOKEN_AGE_MS, MIN_FILL_MS } from './form-token.js';

const SECRET = 'a'.repeat(64);
const MID = '0190aaaa-0000-7000-8000-000000000001';
const t0 = new Date('2026-11-27T01:00:00Z');
const plus = (ms: number) => new Date(t0.getTime() + ms);

describe('public form token (signed timestamp)', () => {
  it('is accepted once the minimum fill time has passed, and names its nonce', () => {
    const token = issueFormToken(SECRET, MID, t0, 'n'.repeat(22));
    expect(checkFormToken(SECRET, MID, token, plus(MIN_FILL_MS))).toEqual({ ok: true, nonce: 'n'.repeat(22), issuedAt: t0 });
  });

  it('is refused as too fast before the minimum fill time, and as expired after the maximum age', () => {
    const token = issueFormToken(SECRET, MID, t0);
    expect(checkFormToken(SECRET, MID, token, plus(MIN_FILL_MS - 1))).toEqual({ ok: false, reason: 'too_fast' });
    expect(checkFormToken(SECRET, MID, token, plus(0))).toEqual({ ok: false, reason: 'too_fast' });
    expect(checkFormToken(SECRET, MID, token, plus(MAX_TOKEN_AGE_MS + 1))).toEqual({ ok: false, reason: 'token_expired' });
    expect(checkFormToken(SECRET, MID, token, plus(10), { minFillMs: 0 })).toMatchObject({ ok: true });
  });

  it('cannot be forged: another secret, another municipality, a changed time or a mangled token fail', () => {
    const token = issueFormToken(SECRET, MID, t0);
    const later = plus(60_000);
    expect(checkFormToken('b'.repeat(64), MID, token, later).ok).toBe(false);
    expect(checkFormToken(SECRET, '0190aaaa-0000-7000-8000-000000000002', token, later).ok).toBe(false);
    const [v, , nonce, mac] = token.split('.');
    const earlier = (t0.getTime() - 3_600_000).toString(36);
    expect(checkFormToken(SECRET, MID, [v, earlier, nonce, mac].join('.'), later)).toEqual({ ok: false, reason: 'token_invalid' });
    for (const bad of ['', 'pf1', token.slice(0, -2), `${token}x`, token.replace('pf1', 'pf2'), `${token}.extra`]) {
      expect(checkFormToken(SECRET, MID, bad, later)).toEqual({ ok: false, reason: 'token_invalid' });
    }
  });

  it('refuses a token issued in the future (beyond clock skew)', () => {
    const token = issueFormToken(SECRET, MID, plus(10 * 60_000));
    expect(checkFormToken(SECRET, MID, token, t0)).toEqual({ ok: false, reason: 'token_invalid' });
  });

  it('gives each form its own nonce', () => {
    const a = issueFormToken(SECRET, MID, t0).split('.')[2];
    const b = issueFormToken(SECRET, MID, t0).split('.')[2];
    expect(a).not.toBe(b);
  });
});
