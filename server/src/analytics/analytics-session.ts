/**
 * Settings for the transaction of an aggregate view. A 年度 of a city's records is hundreds of
 * thousands of rows to hash and group; PostgreSQL's default work_mem (4 MB) sends those to disk in
 * batches. This raises it for the current transaction only (set_config(…, true), like SET LOCAL).
 *
 * It also turns off JIT compilation and parallel workers for the transaction. The dashboard's statements
 * are costly enough for both, yet on a 2-core machine at a million persons they cost more than they save:
 * compiling took up to 340 ms of a 1.9 s statement, and starting workers turned a 23 ms count into 90 ms
 * (median of a 年度's dashboard floor 2.3 s with both, 1.8–1.9 s without).
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../platform/db/schema.js';

export const ANALYTICS_WORK_MEM = '64MB';

export async function prepareAnalyticsTransaction(db: Kysely<Database>): Promise<void> {
  await sql`select set_config('work_mem', ${ANALYTICS_WORK_MEM}, true), set_config('jit', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`.execute(db);
}
