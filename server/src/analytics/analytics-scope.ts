/**
 * The scope a dashboard query counts in: one municipality, optionally one 圏域 and/or one agency.
 * Records held by an agency (consultations, cases, referrals, needs, leads) follow the agency filter and,
 * for a 圏域, the agencies of that 圏域 (its responsible agency and the agencies whose `area` names it);
 * records that carry an area themselves (拠点, 協力事業者, outreach leads) follow the 圏域 directly.
 */
import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { Database } from '../platform/db/schema.js';

export interface ScopeFilter {
  areaId?: string | undefined;
  agencyId?: string | undefined;
}

export interface Scope {
  municipalityId: string;
  areaId: string | null;
  /** The agency filter alone (records that carry their own 圏域 and agency: outreach leads, log entries). */
  agencyId: string | null;
  /** null: every agency; otherwise the agencies whose records count (may be empty). */
  agencyIds: readonly string[] | null;
}

export async function resolveScope(db: Kysely<Database>, municipalityId: string, filter: ScopeFilter = {}): Promise<Scope> {
  const areaId = filter.areaId ?? null;
  let agencyIds: string[] | null = filter.agencyId ? [filter.agencyId] : null;
  if (areaId) {
    const rows = await db
      .selectFrom('agency as g')
      .innerJoin('municipal_area as a', (j) => j.onRef('a.municipality_id', '=', 'g.municipality_id'))
      .select('g.agency_id')
      .where('g.municipality_id', '=', municipalityId)
      .where('a.area_id', '=', areaId)
      .where((eb) => eb.or([eb('g.agency_id', '=', eb.ref('a.responsible_agency_id')), eb('g.area', '=', eb.ref('a.name'))]))
      .execute();
    const inArea = rows.map((r) => r.agency_id);
    agencyIds = agencyIds === null ? inArea : agencyIds.filter((id) => inArea.includes(id));
  }
  return { municipalityId, areaId, agencyId: filter.agencyId ?? null, agencyIds };
}

/** `column in (agencies of the scope)`; true without an agency restriction, false for an empty one. */
export function agencyIn(scope: Scope, column: Expression<unknown>): Expression<SqlBool> {
  if (scope.agencyIds === null) return sql<SqlBool>`true`;
  if (scope.agencyIds.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`${column} in (${sql.join(scope.agencyIds.map((id) => sql`${id}`))})`;
}

/** `column = area` when the scope names a 圏域. */
export function areaIs(scope: Scope, column: Expression<unknown>): Expression<SqlBool> {
  return scope.areaId === null ? sql<SqlBool>`true` : sql<SqlBool>`${column} = ${scope.areaId}`;
}

/** `column = agency` when the scope names one agency (for records that carry their 圏域 themselves). */
export function agencyIs(scope: Scope, column: Expression<unknown>): Expression<SqlBool> {
  return scope.agencyId === null ? sql<SqlBool>`true` : sql<SqlBool>`${column} = ${scope.agencyId}`;
}
