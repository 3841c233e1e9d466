import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { authorizeDirectory } from './community-access.js';
import { listPlaceRows } from './place.repo.js';

/** 拠点の一覧 (by 圏域 order, then name), optionally of one 圏域. */
export async function listPlaces(ctx: Ctx, filter: { areaId?: string | undefined }) {
  return inTransaction(ctx, async (tx) => {
    authorizeDirectory(tx, 'list', 'community_place.list');
    return { items: await listPlaceRows(tx.db, tx.actor.municipalityId, filter) };
  });
}
