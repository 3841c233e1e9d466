import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

const ISSUER = 'Kasane';

function totpFor(secretBase32: string, label: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secretBase32),
  });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export async function totpEnrollment(secretBase32: string, loginName: string) {
  const otpauthUrl = totpFor(secretBase32, loginName).toString();
  const qrDataUrl = await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 220 });
  return { secret: secretBase32, otpauthUrl, qrDataUrl };
}

/**
 * Checks a 6-digit code with ±1 step of clock drift. Returns the time step it matched so the
 * caller can refuse a replay of the same or an earlier step; null when it does not match.
 */
export function matchTotp(secretBase32: string, code: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const totp = totpFor(secretBase32, 'check');
  const delta = totp.validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  return Math.floor(now.getTime() / 1000 / 30) + delta;
}

/** Test and demo helper: the current code for a secret. */
export function currentTotp(secretBase32: string, now: Date = new Date()): string {
  return totpFor(secretBase32, 'check').generate({ timestamp: now.getTime() });
}
