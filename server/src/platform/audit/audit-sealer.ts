import type { Db } from '../db/database.js';
import { sealAll } from './seal-audit.js';

/** Background step that seals committed audit events every `intervalMs`. Stop it before closing the database. */
export function startAuditSealer(db: Db, intervalMs = 1_000, log: (msg: string) => void = console.error) {
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = sealAll(db)
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
