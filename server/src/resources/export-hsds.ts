/**
 * HSDSで書き出す: every service of the directory as HSDS 3.0 JSON (an array of fully nested service
 * objects) or as the tabular package (one CSV per table + datapackage.json). Staff exports carry
 * 確認者 (see hsds-map.ts); the public API does not.
 */
import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import type { DbHandle } from '../platform/db/database.js';
import { inTransaction } from '../platform/db/transaction.js';
import { allServiceIds } from './directory-query.js';
import type { HsdsServiceT } from './hsds.schemas.js';
import { extTermRecord, hsdsOrganization, hsdsService, hsdsTerm } from './hsds-map.js';
import { loadAreas, loadPlace, loadServices, organizationRecord, termRecord } from './resource.repo.js';
import type { ServiceRecord } from './resource-records.js';
import { directoryFacts } from './service-view.js';
import { toCsvFiles, toTables } from './tabular-export.js';
import type { ExtCode } from './default-taxonomy.js';

/** Every service of the municipality, loaded 500 at a time. */
export async function loadAllServices(db: DbHandle, mid: string, filter: { excludeDefunct?: boolean } = {}): Promise<ServiceRecord[]> {
  const ids = await allServiceIds(db, mid, filter);
  const areas = await loadAreas(db, mid);
  const out: ServiceRecord[] = [];
  for (let i = 0; i < ids.length; i += 500) out.push(...(await loadServices(db, mid, ids.slice(i, i + 500), areas)));
  return out;
}

async function exportAll(ctx: Ctx, format: 'json' | 'tabular') {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const basis = authorize(tx, 'export', directoryFacts(mid), { auditAction: 'resource.export' });
    const place = await loadPlace(tx.db, mid);
    const services = (await loadAllServices(tx.db, mid)).map((s) => hsdsService(s, { place, includeAssurer: true }));
    const orgs = (await tx.db.selectFrom('resource_organization').selectAll().where('municipality_id', '=', mid).orderBy('name').orderBy('organization_id').execute()).map((o) =>
      hsdsOrganization(organizationRecord(o)),
    );
    const terms = (await tx.db.selectFrom('resource_taxonomy_term').selectAll().where('municipality_id', '=', mid).orderBy('taxonomy').orderBy('created_at').orderBy('term_id').execute()).map((t) =>
      hsdsTerm(termRecord(t)),
    );
    const extTerms = (['capacity', 'waitlist_count', 'assured_by', 'area'] as ExtCode[]).map((c) => hsdsTerm(extTermRecord(c)));
    await audit(tx, { action: 'resource.export', targetType: 'resource_service', targetId: null, basis, details: { format, services: services.length } });
    return { services, orgs, terms: [...terms, ...extTerms] };
  });
}

export async function exportHsdsJson(ctx: Ctx): Promise<HsdsServiceT[]> {
  return (await exportAll(ctx, 'json')).services;
}

/** File name → CSV text (and datapackage.json). */
export async function exportHsdsTabular(ctx: Ctx): Promise<Record<string, string>> {
  const { services, orgs, terms } = await exportAll(ctx, 'tabular');
  return toCsvFiles(toTables(services, { organizations: orgs, terms }));
}
