import { sql } from 'kysely';
import type { Db } from './database.js';

/**
 * Planner statistics. Embedded PGlite has no autovacuum, so without these the planner never learns
 * table sizes and picks sequential scans (the 誰も担当していない相談 query went from ~700 ms to ~60 ms on
 * the demo data once analysed): on PGlite everything is analysed at start and every `intervalMs` after.
 * PostgreSQL's autovacuum keeps statistics current, and the seed and restore analyse what they load, so at
 * start only the tables it has never analysed are (a migration may have filled one): analysing a whole
 * city's database took ~16 s at a million persons, competing with the first requests.
 */
export function startStatisticsRefresher(db: Db, kind: 'pglite' | 'postgres', intervalMs: number, onError: (message: string) => void) {
  const guarded = (analyze: () => Promise<unknown>) => async () => {
    try {
      await analyze();
    } catch (err) {
      onError(`analyze failed: ${(err as Error).message}`);
    }
  };
  const analyzeAll = guarded(() => sql`analyze`.execute(db));
  const first = kind === 'pglite' ? analyzeAll() : guarded(() => analyzeTablesWithoutStatistics(db))();
  const timer = kind === 'pglite' ? setInterval(analyzeAll, intervalMs) : undefined;
  timer?.unref();
  return {
    async stop() {
      if (timer) clearInterval(timer);
      await first;
    },
  };
}

/**
 * Analyses the tables of the current schema that have no statistics yet (pg_class.reltuples is −1 until
 * a table is first analysed or vacuumed) and returns their names.
 */
export async function analyzeTablesWithoutStatistics(db: Db): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = current_schema() and c.relkind in ('r', 'p') and c.reltuples < 0
     order by c.relname`.execute(db);
  const names = rows.map((r) => r.name);
  if (names.length > 0) await sql`analyze ${sql.join(names.map((n) => sql.table(n)))}`.execute(db);
  return names;
}
