/** The municipality's small-cell threshold (analytics_setting; default 5), for every caller of suppressTable. */
import type { DbHandle } from '../db/database.js';
import { DEFAULT_SMALL_CELL_THRESHOLD } from './suppression.js';

export async function smallCellThreshold(db: DbHandle, municipalityId: string): Promise<number> {
  const row = await db.selectFrom('analytics_setting').select('small_cell_threshold').where('municipality_id', '=', municipalityId).executeTakeFirst();
  return row?.small_cell_threshold ?? DEFAULT_SMALL_CELL_THRESHOLD;
}

/** The setting with its version (0 while the default is in force) for the settings form. */
export async function smallCellSetting(db: DbHandle, municipalityId: string): Promise<{ threshold: number; version: number }> {
  const row = await db.selectFrom('analytics_setting').select(['small_cell_threshold', 'version']).where('municipality_id', '=', municipalityId).executeTakeFirst();
  return row ? { threshold: row.small_cell_threshold, version: row.version } : { threshold: DEFAULT_SMALL_CELL_THRESHOLD, version: 0 };
}
