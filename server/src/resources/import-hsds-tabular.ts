import { authorize } from '../platform/access/authorize.js';
import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { type ImportResultT, importHsdsServices, importRejected } from './import-hsds.js';
import { directoryFacts } from './service-view.js';
import { assembleTabular } from './tabular-import.js';

/**
 * HSDS表形式（CSV）を取り込む: the files of the tabular package by name ({"services.csv": "…"}),
 * assembled into nested services and imported all or nothing like the JSON.
 */
export async function importHsdsTabular(ctx: Ctx, files: Readonly<Record<string, string>>): Promise<ImportResultT> {
  return inTransaction(ctx, async (tx) => {
    authorize(tx, 'create', directoryFacts(tx.actor.municipalityId), { auditAction: 'resource.import' });
    const pkg = assembleTabular(files);
    if (pkg.problems.length > 0) throw importRejected(pkg.problems.map((p) => ({ row: p.row, file: p.file, id: null, path: '', message: p.message })));
    return importHsdsServices(tx, pkg.services, { format: 'tabular', originOf: pkg.originOf, organizations: pkg.organizations, ignoredFiles: pkg.ignoredFiles });
  });
}
