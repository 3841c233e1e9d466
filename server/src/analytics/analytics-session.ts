/**
 * Settings for the transaction of an aggregate view. A 年度 of a city's records is hundreds of
 * thousands of rows to hash and group; PostgreSQL's default work_mem (4 MB) sends those to disk in
 * batches. This raises it for the current transaction only (set_config(…, true), like SET LOCAL).
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../platform/db/schema.js';

export const ANALYTICS_WORK_MEM = '64MB';

export async function prepareAnalyticsTransaction(db: Kysely<Database>): Promise<void> {
  await sql`select set_config('work_mem', ${ANALYTICS_WORK_MEM}, true)`.execute(db);
}
