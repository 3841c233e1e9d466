import type { Db } from '../db/database.js';
import { RECENT_LOOKBACK_MS, SEAL_LOOKBACK_MS, sealAll } from './seal-audit.js';

/** Runs of the sealer between two that look back over the whole SEAL_LOOKBACK_MS window. */
export const FULL_LOOKBACK_EVERY = 60;

/**
 * Background step that seals committed audit events every `intervalMs`. Most runs look back
 * RECENT_LOOKBACK_MS; the first and every FULL_LOOKBACK_EVERY-th the whole window, so an event whose
 * transaction committed later than that (a long export) is sealed within about a minute.
 * Stop it before closing the database.
 */
export function startAuditSealer(db: Db, intervalMs = 1_000, log: (msg: string) => void = console.error) {
  let running: Promise<unknown> | null = null;
  let runs = 0;
  const timer = setInterval(() => {
    if (running) return;
    const lookback = runs++ % FULL_LOOKBACK_EVERY === 0 ? SEAL_LOOKBACK_MS : RECENT_LOOKBACK_MS;
    running = sealAll(db, new Date(), lookback)
      .catch((err: Error) => log(`audit sealer: ${err.message}`))
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
