import { authorize } from '../platform/access/authorize.js';
import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { KASANE_TAXONOMY } from './default-taxonomy.js';
import { canEditDirectory, directoryFacts } from './service-view.js';

export interface DirectoryOptionsT {
  terms: Array<{ id: string; taxonomy: string; code: string; name: string; description: string }>;
  areas: Array<{ id: string; code: string; name: string }>;
  organizations: Array<{ id: string; name: string }>;
  canEdit: boolean;
}

/** What the directory's filters and forms choose from: taxonomy terms (Kasane's first), 圏域, 提供機関. */
export async function directoryOptions(ctx: Ctx): Promise<DirectoryOptionsT> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    authorize(tx, 'list', directoryFacts(mid), { auditAction: 'resource.options' });
    const terms = await tx.db
      .selectFrom('resource_taxonomy_term')
      .select(['term_id', 'taxonomy', 'code', 'name', 'description'])
      .where('municipality_id', '=', mid)
      .orderBy((eb) => eb.case().when('taxonomy', '=', KASANE_TAXONOMY).then(0).else(1).end())
      .orderBy('taxonomy')
      .orderBy('created_at')
      .orderBy('term_id')
      .execute();
    const areas = await tx.db.selectFrom('municipal_area').select(['area_id', 'code', 'name']).where('municipality_id', '=', mid).orderBy('sort_order').orderBy('code').execute();
    const orgs = await tx.db.selectFrom('resource_organization').select(['organization_id', 'name']).where('municipality_id', '=', mid).orderBy('name').orderBy('organization_id').execute();
    return {
      terms: terms.map((t) => ({ id: t.term_id, taxonomy: t.taxonomy, code: t.code, name: t.name, description: t.description })),
      areas: areas.map((a) => ({ id: a.area_id, code: a.code, name: a.name })),
      organizations: orgs.map((o) => ({ id: o.organization_id, name: o.name })),
      canEdit: canEditDirectory(tx),
    };
  });
}
