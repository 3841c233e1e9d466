import { type Kysely, sql } from 'kysely';
import type { Database } from '../platform/db/schema.js';

/**
 * The rows a derived table holds that a recomputation from the records does not ('stale'), and the
 * rows it lacks ('missing'): both queries select the same columns in the same order.
 */
export async function derivedDifferences(db: Kysely<Database>, stored: string, recomputed: string): Promise<unknown[]> {
  const diff = await sql
    .raw(`(select 'stale' as side, * from (${stored} except (${recomputed})) a)
          union all
          (select 'missing' as side, * from ((${recomputed}) except ${stored}) b)`)
    .execute(db);
  return diff.rows;
}
