/**
 * The audit events that open and close a city-scale generation: a database with the first and not the
 * second stopped half-way (indexes dropped, rows partial). The seed script and the server refuse it.
 */
import type { OpenDatabase } from '../../platform/db/database.js';

export const SCALE_STARTED = 'system.scale_seed_started';
export const SCALE_SEEDED = 'system.scale_seeded';

export async function incompleteScaleSeed(database: OpenDatabase): Promise<boolean> {
  const marks = await database.db.selectFrom('audit_event').select('action').where('action', 'in', [SCALE_STARTED, SCALE_SEEDED]).execute();
  return marks.some((m) => m.action === SCALE_STARTED) && !marks.some((m) => m.action === SCALE_SEEDED);
}
