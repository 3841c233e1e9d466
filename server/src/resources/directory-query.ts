/**
 * Finding services: text search (NFKC/lower-cased search_key, every word must match; pg_trgm GIN
 * indexes serve the substring match), taxonomy term or taxonomy, 圏域 (提供地域 or 場所), 提供機関,
 * status, 要再確認 and modified_after. Shared by the staff list and the public HSDS API.
 */
import { type ExpressionBuilder, sql } from 'kysely';
import type { DbHandle } from '../platform/db/database.js';
import type { Database } from '../platform/db/schema.js';
import type { ServiceStatus } from '../platform/db/schema-resources.js';
import { containsPattern, searchWords } from './directory-rules.js';

export interface ServiceFilter {
  search?: string | undefined;
  termId?: string | undefined;
  /** Taxonomy name (e.g. 'kasane-ja'): services with any term of it. */
  taxonomy?: string | undefined;
  areaId?: string | undefined;
  organizationId?: string | undefined;
  status?: ServiceStatus | undefined;
  /** The public API never shows 'defunct' services. */
  excludeDefunct?: boolean;
  /** true: only 要再確認 (assured before the cutoff or never); false: only the others. */
  stale?: { value: boolean; cutoff: string } | undefined;
  modifiedAfter?: Date | undefined;
  /** A filter that cannot match (e.g. an unknown taxonomy id). */
  matchNothing?: boolean;
}

type Eb = ExpressionBuilder<Database & { s: Database['resource_service'] }, 's'>;

function conditions(eb: Eb, mid: string, f: ServiceFilter) {
  const parts = [eb('s.municipality_id', '=', mid)];
  for (const word of searchWords(f.search ?? '')) parts.push(eb('s.search_key', 'like', containsPattern(word)));
  if (f.termId) {
    parts.push(
      eb.exists(
        eb
          .selectFrom('resource_service_term as st')
          .select(sql`1`.as('one'))
          .whereRef('st.municipality_id', '=', 's.municipality_id')
          .whereRef('st.service_id', '=', 's.service_id')
          .where('st.term_id', '=', f.termId),
      ),
    );
  }
  if (f.taxonomy) {
    parts.push(
      eb.exists(
        eb
          .selectFrom('resource_service_term as st')
          .innerJoin('resource_taxonomy_term as t', (j) => j.onRef('t.municipality_id', '=', 'st.municipality_id').onRef('t.term_id', '=', 'st.term_id'))
          .select(sql`1`.as('one'))
          .whereRef('st.municipality_id', '=', 's.municipality_id')
          .whereRef('st.service_id', '=', 's.service_id')
          .where('t.taxonomy', '=', f.taxonomy),
      ),
    );
  }
  if (f.areaId) {
    const areaId = f.areaId;
    parts.push(
      eb.or([
        eb.exists(
          eb
            .selectFrom('resource_service_area as a')
            .select(sql`1`.as('one'))
            .whereRef('a.municipality_id', '=', 's.municipality_id')
            .whereRef('a.service_id', '=', 's.service_id')
            .where('a.area_id', '=', areaId),
        ),
        eb.exists(
          eb
            .selectFrom('resource_service_at_location as sl')
            .innerJoin('resource_location as l', (j) => j.onRef('l.municipality_id', '=', 'sl.municipality_id').onRef('l.location_id', '=', 'sl.location_id'))
            .select(sql`1`.as('one'))
            .whereRef('sl.municipality_id', '=', 's.municipality_id')
            .whereRef('sl.service_id', '=', 's.service_id')
            .where('l.area_id', '=', areaId),
        ),
      ]),
    );
  }
  if (f.organizationId) parts.push(eb('s.organization_id', '=', f.organizationId));
  if (f.status) parts.push(eb('s.status', '=', f.status));
  if (f.excludeDefunct) parts.push(eb('s.status', '!=', 'defunct'));
  if (f.stale) {
    const { cutoff, value } = f.stale;
    parts.push(value ? eb.or([eb('s.assured_date', 'is', null), eb('s.assured_date', '<', cutoff)]) : eb('s.assured_date', '>=', cutoff));
  }
  if (f.modifiedAfter) parts.push(eb('s.last_modified', '>=', f.modifiedAfter));
  if (f.matchNothing) parts.push(eb.or([])); // an empty OR is false
  return eb.and(parts);
}

/** The ids of one page of matching services (by name, then id) and how many match in all. */
export async function findServiceIds(db: DbHandle, mid: string, f: ServiceFilter, page: { offset: number; limit: number }): Promise<{ ids: string[]; total: number }> {
  const count = await db
    .selectFrom('resource_service as s')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where((eb) => conditions(eb, mid, f))
    .executeTakeFirstOrThrow();
  if (page.limit === 0) return { ids: [], total: Number(count.n) };
  const rows = await db
    .selectFrom('resource_service as s')
    .select('s.service_id')
    .where((eb) => conditions(eb, mid, f))
    .orderBy('s.name')
    .orderBy('s.service_id')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return { ids: rows.map((r) => r.service_id), total: Number(count.n) };
}

/** Every matching service id (exports), by name then id. */
export async function allServiceIds(db: DbHandle, mid: string, f: ServiceFilter): Promise<string[]> {
  const rows = await db
    .selectFrom('resource_service as s')
    .select('s.service_id')
    .where((eb) => conditions(eb, mid, f))
    .orderBy('s.name')
    .orderBy('s.service_id')
    .execute();
  return rows.map((r) => r.service_id);
}
