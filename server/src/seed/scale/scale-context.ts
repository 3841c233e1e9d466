/**
 * What every stage of the city-scale generator (`npm run seed -- --persons N`) receives: the demo
 * municipality's fixed parts (agencies, staff, 圏域) built first by seedDemo, a deterministic random
 * source, and the bulk insert. A stage adds its rows in proportion to `persons` and returns its counts.
 */
import type { Db } from '../../platform/db/database.js';
import type { SeededRandom } from '../random.js';

export interface ScaleContext {
  db: Db;
  municipalityId: string;
  /** Persons requested (N); stages scale their rows from it. */
  persons: number;
  rnd: SeededRandom;
  /** Fixed clock for reproducible UUIDv7 ids: `rnd.uuid(epochMs)`. */
  epochMs: number;
  /** The generator's "today": every generated date is on or before it. */
  now: Date;
  /** Demo agency key (demo-catalogue.ts) → agency_id. */
  agencyIds: Map<string, string>;
  /** Login name → user_id. */
  userIds: Map<string, string>;
  /** 圏域 code (east/west/south) → area_id. */
  areaIds: Map<string, string>;
}

/** Row counts a stage added, by table. */
export type StageCounts = Record<string, number>;
