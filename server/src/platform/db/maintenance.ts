import { sql } from 'kysely';
import type { Db } from './database.js';

/**
 * Planner statistics. PostgreSQL's autovacuum keeps them current; embedded PGlite has no
 * autovacuum, so without this the planner never learns table sizes and picks sequential scans
 * (the 誰も担当していない相談 query went from ~700 ms to ~60 ms on the demo data once analysed).
 * Runs once at start and, on PGlite, every `intervalMs` after that.
 */
export function startStatisticsRefresher(db: Db, kind: 'pglite' | 'postgres', intervalMs: number, onError: (message: string) => void) {
  const run = async () => {
    try {
      await sql`analyze`.execute(db);
    } catch (err) {
      onError(`analyze failed: ${(err as Error).message}`);
    }
  };
  const first = run();
  const timer = kind === 'pglite' ? setInterval(run, intervalMs) : undefined;
  timer?.unref();
  return {
    async stop() {
      if (timer) clearInterval(timer);
      await first;
    },
  };
}
