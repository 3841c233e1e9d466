/** Consecutive failures allowed before the account is locked. */
export const FAILURES_BEFORE_LOCK = 5;
const BASE_LOCK_MS = 60_000;
const MAX_LOCK_MS = 60 * 60_000;

/**
 * Exponential backoff: the 5th consecutive failure locks for 1 minute, each further failure after
 * the lock expires doubles it, up to 1 hour. Returns null while under the threshold.
 */
export function lockUntilAfterFailure(failedAttempts: number, now: Date): Date | null {
  if (failedAttempts < FAILURES_BEFORE_LOCK) return null;
  const exponent = Math.min(failedAttempts - FAILURES_BEFORE_LOCK, 20);
  const ms = Math.min(BASE_LOCK_MS * 2 ** exponent, MAX_LOCK_MS);
  return new Date(now.getTime() + ms);
}
