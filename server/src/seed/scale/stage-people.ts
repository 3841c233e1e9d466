/**
 * The generator's main stage: households of persons with their casework history, streamed in
 * chunks of a few thousand persons. Each chunk is written in its own transaction while the next one
 * is generated (on PostgreSQL the database and Node work at the same time), so memory stays flat
 * whatever N is.
 */
import type { ScaleContext, StageCounts } from './scale-context.js';
import { AuditChain } from './audit-rows.js';
import { type CaseworkContext, generateCasework, type Staff } from './casework-rows.js';
import { type AgencyPool, type AreaCode, generateHousehold, type HouseholdContext } from './household-rows.js';
import { IdSource } from './ids.js';
import { RowBuffer, writeChunk } from './row-buffer.js';

/** Time part of the generated history's ids: before ctx.epochMs, which the module stages' rnd.uuid counts up from. */
const HISTORY_EPOCH = Date.UTC(2025, 3, 1);

/** Rows of all tables per written chunk (about 8 per person). */
export const CHUNK_ROWS = 30_000;

/** Consultation agencies of デモ市 (demo-catalogue.ts keys) that take and lead cases. */
export const CONSULTATION_AGENCY_KEYS = ['houkatsu1', 'houkatsu2', 'houkatsu3', 'kikan', 'soudan1', 'soudan2', 'kodomo', 'jiritsu'];
const POOL_AGENCY: Record<AgencyPool, Record<AreaCode, string>> = {
  elderly: { east: 'houkatsu1', west: 'houkatsu2', south: 'houkatsu3' },
  disability: { east: 'soudan1', west: 'soudan2', south: 'kikan' },
  children: { east: 'kodomo', west: 'kodomo', south: 'kodomo' },
  poverty: { east: 'jiritsu', west: 'jiritsu', south: 'jiritsu' },
};

/** April 1 (Japan time) of the 年度 four before the one `now` is in: the start of 5 年度. */
export function fiveFiscalYearsStart(now: Date): Date {
  const jst = new Date(now.getTime() + 9 * 3_600_000);
  const fiscalYear = jst.getUTCMonth() >= 3 ? jst.getUTCFullYear() : jst.getUTCFullYear() - 1;
  return new Date(`${fiscalYear - 4}-04-01T00:00:00+09:00`);
}

export interface PeopleStageOptions {
  /** Persons to add in generated households. */
  count: number;
  municipalityName: string;
  /** Caseworkers by agency id, who take consultations and write records. */
  staffByAgency: Map<string, Staff[]>;
  onProgress?: (persons: number) => void;
  /** Milliseconds spent writing each table (filled in as chunks are written). */
  msByTable?: Record<string, number>;
}

export async function stagePeople(ctx: ScaleContext, options: PeopleStageOptions): Promise<StageCounts> {
  const { rnd } = ctx;
  const agency = (key: string) => {
    const id = ctx.agencyIds.get(key);
    if (!id) throw new Error(`demo agency ${key} is missing`);
    return id;
  };
  const ids = new IdSource(rnd, HISTORY_EPOCH);
  const id = () => ids.next();
  const audit = new AuditChain(ctx.municipalityId, id);
  await audit.resume(ctx.db);
  const hc: HouseholdContext = {
    municipalityId: ctx.municipalityId,
    municipalityName: options.municipalityName,
    rnd,
    id,
    today: ctx.now,
    agencyFor: (pool, area) => agency(POOL_AGENCY[pool][area]),
    recent: [],
    households: 0,
  };
  const cc: CaseworkContext = {
    municipalityId: ctx.municipalityId,
    rnd,
    id,
    now: ctx.now,
    windowStart: fiveFiscalYearsStart(ctx.now),
    staffOf: (agencyId) => {
      const staff = options.staffByAgency.get(agencyId);
      if (!staff || staff.length === 0) throw new Error(`no caseworker in agency ${agencyId}`);
      return staff[rnd.int(staff.length)]!;
    },
    consultationAgencies: CONSULTATION_AGENCY_KEYS.map(agency),
    audit,
  };
  const out = new RowBuffer();
  let made = 0;
  let households = 0;
  let writing: Promise<void> = Promise.resolve();
  while (made < options.count) {
    const h = generateHousehold(hc, out, options.count - made);
    generateCasework(cc, out, h, agency(POOL_AGENCY[h.pool][h.area]));
    made += h.members.length;
    households += 1;
    if (out.size >= CHUNK_ROWS || made >= options.count) {
      const chunk = out.take();
      await writing;
      options.onProgress?.(made);
      writing = writeChunk(ctx.db, chunk, options.msByTable);
      // Awaited before the next chunk; handled here so a failure while generating is not "unhandled".
      writing.catch(() => {});
    } else if (households % 64 === 0) {
      // Let the chunk being written send its next statement, so the database works while Node generates.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  await writing;
  return { ...out.totals };
}
