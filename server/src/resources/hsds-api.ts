/**
 * The read-only HSDS 3.0 API profile (openapi.json of /work/shared/specs/hsds-3.0): public, no
 * sign-in — directory information is public — for the home municipality. 'defunct' services are
 * never shown; staff names (確認者) are left out. Lists are paged as the profile's Page.
 */
import type { AnonCtx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { EXT_TERMS, KASANE_EXT_TAXONOMY, taxonomyIdOf } from './default-taxonomy.js';
import { allServiceIds, findServiceIds, type ServiceFilter } from './directory-query.js';
import type { HsdsTaxonomyT, HsdsTaxonomyTermT } from './hsds.schemas.js';
import { extTermRecord, hsdsLocation, hsdsOrganization, hsdsOrganizationBrief, hsdsService, hsdsServiceAtLocations, hsdsServiceBrief, hsdsTaxonomy, hsdsTerm, type MapOptions } from './hsds-map.js';
import { loadAreas, loadPlace, loadServices, organizationRecord, termRecord } from './resource.repo.js';
import { containsPattern, searchWords } from './directory-rules.js';

export interface Paging {
  page: number;
  per_page: number;
}

export interface Page<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}

export function page<T>(contents: T[], total: number, p: Paging): Page<T> {
  const totalPages = Math.ceil(total / p.per_page);
  return { total_items: total, total_pages: totalPages, page_number: p.page, size: contents.length, first_page: p.page === 1, last_page: p.page >= totalPages, empty: contents.length === 0, contents };
}

const slice = <T>(items: readonly T[], p: Paging) => items.slice((p.page - 1) * p.per_page, p.page * p.per_page);

export interface ServiceQuery extends Paging {
  search?: string | undefined;
  taxonomy_term_id?: string | undefined;
  taxonomy_id?: string | undefined;
  organization_id?: string | undefined;
  modified_after?: Date | undefined;
  full?: boolean | undefined;
}

function home(mid: string | null): string {
  if (!mid) throw new AppError('not_found');
  return mid;
}

async function serviceFilter(ctx: AnonCtx, mid: string, q: ServiceQuery): Promise<ServiceFilter> {
  let taxonomy: string | undefined;
  if (q.taxonomy_id) {
    const names = await ctx.db.selectFrom('resource_taxonomy_term').select('taxonomy').distinct().where('municipality_id', '=', mid).execute();
    taxonomy = names.map((n) => n.taxonomy).find((n) => taxonomyIdOf(n) === q.taxonomy_id);
  }
  return {
    search: q.search,
    termId: q.taxonomy_term_id,
    taxonomy,
    organizationId: q.organization_id,
    modifiedAfter: q.modified_after,
    excludeDefunct: true,
    matchNothing: q.taxonomy_id !== undefined && taxonomy === undefined,
  };
}

const options = async (ctx: AnonCtx, mid: string): Promise<MapOptions> => ({ place: await loadPlace(ctx.db, mid), includeAssurer: false });

export async function listHsdsServices(ctx: AnonCtx, municipalityId: string | null, q: ServiceQuery) {
  const mid = home(municipalityId);
  return inTransaction(ctx, async (tx) => {
    const { ids, total } = await findServiceIds(tx.db, mid, await serviceFilter(tx, mid, q), { offset: (q.page - 1) * q.per_page, limit: q.per_page });
    const opts = await options(tx, mid);
    const services = await loadServices(tx.db, mid, ids);
    return page(
      services.map((s) => (q.full ? hsdsService(s, opts) : hsdsServiceBrief(s, opts))),
      total,
      q,
    );
  });
}

export async function getHsdsService(ctx: AnonCtx, municipalityId: string | null, id: string) {
  const mid = home(municipalityId);
  return inTransaction(ctx, async (tx) => {
    const [s] = await loadServices(tx.db, mid, [id]);
    if (!s || s.status === 'defunct') throw new AppError('not_found');
    return hsdsService(s, await options(tx, mid));
  });
}

export async function listHsdsServiceAtLocations(ctx: AnonCtx, municipalityId: string | null, q: ServiceQuery) {
  const mid = home(municipalityId);
  return inTransaction(ctx, async (tx) => {
    const ids = await allServiceIds(tx.db, mid, await serviceFilter(tx, mid, q));
    const order = new Map(ids.map((id, i) => [id, i]));
    const links: Array<{ id: string; serviceId: string }> = [];
    for (let i = 0; i < ids.length; i += 1000) {
      const rows = await tx.db
        .selectFrom('resource_service_at_location')
        .select(['service_at_location_id', 'service_id'])
        .where('municipality_id', '=', mid)
        .where('service_id', 'in', ids.slice(i, i + 1000))
        .execute();
      links.push(...rows.map((r) => ({ id: r.service_at_location_id, serviceId: r.service_id })));
    }
    links.sort((a, b) => order.get(a.serviceId)! - order.get(b.serviceId)! || a.id.localeCompare(b.id));
    const wanted = slice(links, q);
    const opts = await options(tx, mid);
    const services = await loadServices(
      tx.db,
      mid,
      wanted.map((l) => l.serviceId),
    );
    const all = services.flatMap((s) => hsdsServiceAtLocations(s, opts));
    return page(
      wanted.map((l) => all.find((x) => x.id === l.id)!),
      links.length,
      q,
    );
  });
}

export async function listHsdsOrganizations(ctx: AnonCtx, municipalityId: string | null, q: Paging & { search?: string | undefined }) {
  const mid = home(municipalityId);
  return inTransaction(ctx, async (tx) => {
    let query = tx.db.selectFrom('resource_organization').selectAll().where('municipality_id', '=', mid);
    for (const word of searchWords(q.search ?? '')) query = query.where('search_key', 'like', containsPattern(word));
    const rows = await query.orderBy('name').orderBy('organization_id').execute();
    return page(
      slice(rows, q).map((r) => hsdsOrganizationBrief(organizationRecord(r))),
      rows.length,
      q,
    );
  });
}

export async function getHsdsOrganization(ctx: AnonCtx, municipalityId: string | null, id: string) {
  const mid = home(municipalityId);
  return inTransaction(ctx, async (tx) => {
    const row = await tx.db.selectFrom('resource_organization').selectAll().where('municipality_id', '=', mid).where('organization_id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('not_found');
    const opts = await options(tx, mid);
    const ids = await allServiceIds(tx.db, mid, { organizationId: id, excludeDefunct: true });
    const services = await loadServices(tx.db, mid, ids, await loadAreas(tx.db, mid));
    const locations = new Map(services.flatMap((s) => s.locations.map((l) => [l.location.id, hsdsLocation(l.location, opts.place)] as const)));
    return hsdsOrganization(organizationRecord(row), { locations: [...locations.values()], services: services.map((s) => hsdsServiceBrief(s, opts)) });
  });
}

async function allTerms(ctx: AnonCtx, mid: string): Promise<HsdsTaxonomyTermT[]> {
  const rows = await ctx.db.selectFrom('resource_taxonomy_term').selectAll().where('municipality_id', '=', mid).orderBy('taxonomy').orderBy('created_at').orderBy('term_id').execute();
  return [...rows.map((t) => hsdsTerm(termRecord(t))), ...Object.values(EXT_TERMS).map((t) => hsdsTerm(extTermRecord(t.code)))];
}

export async function listHsdsTaxonomies(ctx: AnonCtx, municipalityId: string | null, q: Paging & { search?: string | undefined }) {
  const mid = home(municipalityId);
  return inTransaction(ctx, async (tx) => {
    const names = [...new Set([...(await allTerms(tx, mid)).map((t) => t.taxonomy ?? ''), KASANE_EXT_TAXONOMY])].filter(Boolean);
    const words = searchWords(q.search ?? '');
    const all: HsdsTaxonomyT[] = names.map(hsdsTaxonomy).filter((t) => words.every((w) => `${t.name} ${t.description}`.normalize('NFKC').toLowerCase().includes(w)));
    return page(slice(all, q), all.length, q);
  });
}

export async function getHsdsTaxonomy(ctx: AnonCtx, municipalityId: string | null, id: string) {
  const all = await listHsdsTaxonomies(ctx, municipalityId, { page: 1, per_page: 10_000 });
  const t = all.contents.find((x) => x.id === id);
  if (!t) throw new AppError('not_found');
  return t;
}

export interface TermQuery extends Paging {
  search?: string | undefined;
  taxonomy_id?: string | undefined;
  parent_id?: string | undefined;
  top_only?: boolean | undefined;
}

export async function listHsdsTaxonomyTerms(ctx: AnonCtx, municipalityId: string | null, q: TermQuery) {
  const mid = home(municipalityId);
  return inTransaction(ctx, async (tx) => {
    const words = searchWords(q.search ?? '');
    const all = (await allTerms(tx, mid)).filter(
      (t) =>
        (!q.taxonomy_id || t.taxonomy_id === q.taxonomy_id) &&
        (!q.parent_id || t.parent_id === q.parent_id) &&
        (!q.top_only || !t.parent_id) &&
        words.every((w) => `${t.code ?? ''} ${t.name} ${t.description}`.normalize('NFKC').toLowerCase().includes(w)),
    );
    return page(slice(all, q), all.length, q);
  });
}

export async function getHsdsTaxonomyTerm(ctx: AnonCtx, municipalityId: string | null, id: string) {
  const mid = home(municipalityId);
  return inTransaction(ctx, async (tx) => {
    const t = (await allTerms(tx, mid)).find((x) => x.id === id);
    if (!t) throw new AppError('not_found');
    return t;
  });
}
