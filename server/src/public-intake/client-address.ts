import { createHmac } from 'node:crypto';

const JST_OFFSET_MS = 9 * 3_600_000;

/**
 * What is kept of a resident's network address: an HMAC (server secret) of the address and the
 * calendar day in Japan. It counts one address's submissions per day; it cannot be turned back into
 * the address, and the same address gives a different value the next day.
 */
export function clientHash(secret: string, address: string | null, now: Date): string {
  const day = new Date(now.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
  return createHmac('sha256', secret).update(`client|${day}|${address ?? 'unknown'}`).digest('hex').slice(0, 32);
}
