import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { activitiesOfPlace } from './activity.repo.js';
import { activityViews } from './activity-view.js';
import { authorizeDirectory, canKeep, todayOf } from './community-access.js';
import { loadPlace, type PlaceRow } from './place.repo.js';

export async function placeView(tx: Ctx, row: PlaceRow) {
  const today = todayOf(tx);
  const { locationId, locationName, locationAddress, serviceId, serviceName, ...place } = row;
  const activities = await activitiesOfPlace(tx.db, tx.actor.municipalityId, row.id);
  return {
    ...place,
    location: locationId ? { id: locationId, name: locationName ?? locationAddress ?? '' } : null,
    service: serviceId ? { id: serviceId, name: serviceName ?? '' } : null,
    canEdit: canKeep(tx),
    today,
    activities: await activityViews(tx.db, tx.actor.municipalityId, activities, today),
  };
}

/** 拠点の詳細: its 活動 with their schedules and next session dates. */
export async function viewPlace(ctx: Ctx, placeId: string) {
  return inTransaction(ctx, async (tx) => {
    authorizeDirectory(tx, 'read', 'community_place.read', placeId);
    const row = await loadPlace(tx.db, tx.actor.municipalityId, placeId);
    if (!row) throw new AppError('not_found');
    return placeView(tx, row);
  });
}
