/**
 * HSDSを取り込む: an array of HSDS 3.0 service objects (from JSON, or assembled from the tabular
 * CSV files) is validated completely, then written in one transaction — all or nothing. Upserts by
 * id (services, organizations, locations; taxonomy terms by id or by taxonomy+code); a service's
 * nested rows are replaced by the file's. Errors name the row (and file), the field and the
 * problem in Japanese.
 */
import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import type { DbHandle } from '../platform/db/database.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { ImportOrganization, ImportService, READ_SERVICE_FIELDS } from './hsds-import-schema.js';
import { type ChildKind, type DirectorySnapshot, type ResolvedImport, type RowError, resolveImport } from './hsds-import-resolve.js';
import { writeService } from './service-writer.js';
import { directoryFacts } from './service-view.js';

export interface ImportRowError {
  row: number;
  file?: string;
  id: string | null;
  path: string;
  message: string;
}

export interface ImportResultT {
  services: { created: number; updated: number };
  organizations: { created: number; updated: number };
  locations: number;
  taxonomyTerms: { created: number };
  ignoredFields: string[];
}

/** Where a row error points in the uploaded files (tabular import); JSON rows are their array position. */
export type OriginOf = (index: number, path: (string | number)[]) => { file: string; row: number } | undefined;

const MAX_ERRORS = 200;

export interface ImportOptions {
  format: 'json' | 'tabular';
  originOf?: OriginOf;
  /** 提供機関 the package lists without a service (tabular), with where each came from. */
  organizations?: ReadonlyArray<{ value: unknown; origin: { file: string; row: number } }>;
  /** Files of the package Kasane does not read, reported back. */
  ignoredFiles?: readonly string[];
}

export async function importHsdsServices(ctx: Ctx, objects: readonly unknown[], options: ImportOptions): Promise<ImportResultT> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const basis = authorize(tx, 'create', directoryFacts(mid), { auditAction: 'resource.import' });
    const errors: RowError[] = [];
    const ignored = new Set<string>();
    const parsed: Array<{ index: number; service: ImportService }> = [];
    if (objects.length === 0) throw new AppError('invalid', { rows: [] }, '取り込むサービスがありません。');
    objects.forEach((o, index) => {
      if (typeof o !== 'object' || o === null || Array.isArray(o)) {
        errors.push({ index, id: null, path: [], message: 'サービスはオブジェクトで指定してください。' });
        return;
      }
      for (const key of Object.keys(o)) if (!READ_SERVICE_FIELDS.has(key)) ignored.add(key);
      const r = ImportService.safeParse(o);
      const id = typeof (o as { id?: unknown }).id === 'string' ? (o as { id: string }).id : null;
      if (r.success) parsed.push({ index, service: r.data });
      else for (const issue of r.error.issues) errors.push({ index, id, path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: issue.message });
    });
    const standalone: ImportOrganization[] = [];
    const orgErrors: ImportRowError[] = [];
    for (const { value, origin } of options.organizations ?? []) {
      const r = ImportOrganization.safeParse(value);
      if (r.success) standalone.push(r.data);
      else for (const issue of r.error.issues) orgErrors.push({ row: origin.row, file: origin.file, id: null, path: issue.path.map(String).join('.'), message: issue.message });
    }
    const resolved = resolveImport(parsed, await loadSnapshot(tx.db, mid, parsed, standalone), standalone);
    errors.push(...resolved.errors);
    if (errors.length > 0 || orgErrors.length > 0) {
      const rows = orgErrors.concat(
        errors
          .sort((a, b) => a.index - b.index)
          .slice(0, MAX_ERRORS)
          .map((e): ImportRowError => {
            const origin = options.originOf?.(e.index, e.path);
            return { row: origin?.row ?? e.index + 1, ...(origin ? { file: origin.file } : {}), id: e.id, path: e.path.join('.'), message: e.message };
          }),
      );
      throw importRejected(rows, errors.length + orgErrors.length);
    }
    const result = await writeImport(tx.db, mid, resolved, tx.now);
    const ignoredFields = [...[...ignored].sort(), ...(options.ignoredFiles ?? [])];
    await audit(tx, { action: 'resource.import', targetType: 'resource_service', targetId: null, basis, details: { format: options.format, ...result, ignoredFields } });
    return { ...result, ignoredFields };
  });
}

/** The import refused as a whole: every row problem (up to MAX_ERRORS) in `details.rows`. */
export function importRejected(rows: ImportRowError[], total = rows.length): AppError {
  const message = `取り込めませんでした。${total}件の誤りがあります。直してからもう一度取り込んでください（何も登録していません）。`;
  return new AppError('invalid', { rows, total, fields: rows.map((r) => ({ path: `${r.file ? `${r.file}:` : ''}${r.row}${r.path ? `.${r.path}` : ''}`, message: r.message })) }, message);
}

function chunks<T>(items: readonly T[], size = 1000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

type Lookup = (part: string[]) => Promise<Array<{ id: string; serviceId?: string }>>;

/** The ids of `ids` that exist, looked up 1000 at a time. */
async function existing(ids: readonly string[], lookup: Lookup): Promise<Map<string, string | undefined>> {
  const out = new Map<string, string | undefined>();
  for (const part of chunks([...new Set(ids)])) for (const r of await lookup(part)) out.set(r.id, r.serviceId);
  return out;
}

const lookups = (db: DbHandle, mid: string) => ({
  organization: (part: string[]) => db.selectFrom('resource_organization').select('organization_id as id').where('municipality_id', '=', mid).where('organization_id', 'in', part).execute(),
  service: (part: string[]) => db.selectFrom('resource_service').select('service_id as id').where('municipality_id', '=', mid).where('service_id', 'in', part).execute(),
  location: (part: string[]) => db.selectFrom('resource_location').select('location_id as id').where('municipality_id', '=', mid).where('location_id', 'in', part).execute(),
  schedule: (part: string[]) =>
    db.selectFrom('resource_schedule').select(['schedule_id as id', 'service_id as serviceId']).where('municipality_id', '=', mid).where('schedule_id', 'in', part).execute(),
  service_area: (part: string[]) =>
    db.selectFrom('resource_service_area').select(['service_area_id as id', 'service_id as serviceId']).where('municipality_id', '=', mid).where('service_area_id', 'in', part).execute(),
  language: (part: string[]) =>
    db.selectFrom('resource_language').select(['language_id as id', 'service_id as serviceId']).where('municipality_id', '=', mid).where('language_id', 'in', part).execute(),
  cost_option: (part: string[]) =>
    db.selectFrom('resource_cost_option').select(['cost_option_id as id', 'service_id as serviceId']).where('municipality_id', '=', mid).where('cost_option_id', 'in', part).execute(),
  service_at_location: (part: string[]) =>
    db
      .selectFrom('resource_service_at_location')
      .select(['service_at_location_id as id', 'service_id as serviceId'])
      .where('municipality_id', '=', mid)
      .where('service_at_location_id', 'in', part)
      .execute(),
});

const CHILD_KINDS: readonly ChildKind[] = ['schedule', 'service_area', 'language', 'cost_option', 'service_at_location'];

async function loadSnapshot(db: DbHandle, mid: string, rows: ReadonlyArray<{ service: ImportService }>, standalone: readonly ImportOrganization[]): Promise<DirectorySnapshot> {
  const services = rows.map((r) => r.service);
  const orgIds = [
    ...standalone.map((o) => o.id),
    ...services.flatMap((s) => [s.organization_id, s.organization?.id, ...s.service_at_locations.map((l) => l.location?.organization_id)].filter((x): x is string => !!x)),
  ];
  const locationIds = services.flatMap((s) => s.service_at_locations.flatMap((l) => [l.location_id, l.location?.id].filter((x): x is string => !!x)));
  const childIds: Record<ChildKind, string[]> = {
    schedule: services.flatMap((s) => s.schedules.map((x) => x.id)),
    service_area: services.flatMap((s) => s.service_areas.map((x) => x.id)),
    language: services.flatMap((s) => s.languages.map((x) => x.id)),
    cost_option: services.flatMap((s) => s.cost_options.map((x) => x.id)),
    service_at_location: services.flatMap((s) => s.service_at_locations.map((x) => x.id)),
  };
  const find = lookups(db, mid);
  const childOwners = {} as Record<ChildKind, Map<string, string>>;
  for (const kind of CHILD_KINDS) {
    const found = await existing(childIds[kind], find[kind]);
    childOwners[kind] = new Map([...found].map(([id, serviceId]) => [id, serviceId ?? '']));
  }
  const terms = await db.selectFrom('resource_taxonomy_term').select(['term_id', 'taxonomy', 'code']).where('municipality_id', '=', mid).execute();
  const areas = await db.selectFrom('municipal_area').select(['area_id', 'code', 'name']).where('municipality_id', '=', mid).execute();
  return {
    organizationIds: new Set((await existing(orgIds, find.organization)).keys()),
    serviceIds: new Set(
      (
        await existing(
          services.map((s) => s.id),
          find.service,
        )
      ).keys(),
    ),
    locationIds: new Set((await existing(locationIds, find.location)).keys()),
    termIds: new Set(terms.map((t) => t.term_id)),
    termIdByKey: new Map(terms.map((t) => [`${t.taxonomy}\u0000${t.code}`, t.term_id])),
    areaIdByCode: new Map(areas.map((a) => [a.code, a.area_id])),
    areaIdByName: new Map(areas.map((a) => [a.name, a.area_id])),
    childOwners,
  };
}

async function writeImport(db: DbHandle, mid: string, r: ResolvedImport, now: Date): Promise<Omit<ImportResultT, 'ignoredFields'>> {
  if (r.terms.length > 0) {
    await db
      .insertInto('resource_taxonomy_term')
      .values(r.terms.map((t) => ({ municipality_id: mid, term_id: t.id, taxonomy: t.taxonomy, code: t.code, name: t.name, description: t.description, created_at: now, updated_at: now })))
      .execute();
    for (const t of r.terms.filter((x) => x.parentId)) {
      await db.updateTable('resource_taxonomy_term').set({ parent_term_id: t.parentId }).where('municipality_id', '=', mid).where('term_id', '=', t.id).execute();
    }
  }
  const existingOrgs = await existing(
    r.organizations.map((o) => o.id),
    lookups(db, mid).organization,
  );
  for (const o of r.organizations) {
    const values = {
      name: o.name,
      alternate_name: o.alternate_name,
      description: o.description ?? '',
      email: o.email,
      website: o.website,
      phone: o.phones[0]?.number.normalize('NFKC') ?? null,
      updated_at: now,
    };
    await db
      .insertInto('resource_organization')
      .values({ municipality_id: mid, organization_id: o.id, ...values, created_at: now })
      .onConflict((oc) => oc.columns(['municipality_id', 'organization_id']).doUpdateSet((eb) => ({ ...values, version: eb('resource_organization.version', '+', 1) })))
      .execute();
  }
  const locations = new Set<string>();
  for (const { write, exists } of r.services) {
    await writeService(db, mid, write, now, exists ? { insert: false } : { insert: true });
    for (const l of write.locations) if (l.location) locations.add(l.location.id);
  }
  const created = r.services.filter((s) => !s.exists).length;
  const orgCreated = r.organizations.filter((o) => !existingOrgs.has(o.id)).length;
  return {
    services: { created, updated: r.services.length - created },
    organizations: { created: orgCreated, updated: r.organizations.length - orgCreated },
    locations: locations.size,
    taxonomyTerms: { created: r.terms.length },
  };
}
