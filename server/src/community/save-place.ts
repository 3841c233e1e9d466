/** 拠点の登録・変更 (directory create/update), versioned and audited. */
import type { z } from 'zod';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { newId } from '../platform/db/ids.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { authorizeDirectory } from './community-access.js';
import type { PlaceBody, PlaceUpdateBody } from './community.schemas.js';
import { placeProblems } from './community-rules.js';
import { checkRef } from './partner.repo.js';
import { loadPlace } from './place.repo.js';
import { placeView } from './view-place.js';

type PlaceInput = z.output<typeof PlaceBody>;

async function check(tx: Ctx, input: PlaceInput) {
  const problems = placeProblems(input);
  if (problems.length > 0) throw new AppError('invalid', { fields: problems });
  const mid = tx.actor.municipalityId;
  await checkRef(tx.db, mid, 'municipal_area', input.areaId, 'areaId');
  await checkRef(tx.db, mid, 'resource_location', input.locationId, 'locationId');
  await checkRef(tx.db, mid, 'resource_service', input.serviceId, 'serviceId');
  if (input.operatorPartnerId) {
    const partner = await tx.db.selectFrom('community_partner').select('partner_id').where('municipality_id', '=', mid).where('partner_id', '=', input.operatorPartnerId).executeTakeFirst();
    if (!partner) throw new AppError('invalid', { fields: [{ path: 'operatorPartnerId', message: '登録されていない参加団体です。' }] });
  }
}

const columns = (input: PlaceInput) => ({
  name: input.name,
  kind: input.kind,
  address: input.address,
  area_id: input.areaId ?? null,
  operator_name: input.operatorName,
  operator_partner_id: input.operatorPartnerId ?? null,
  location_id: input.locationId ?? null,
  service_id: input.serviceId ?? null,
  opened_on: input.openedOn ?? null,
  closed_on: input.closedOn ?? null,
  status: input.status,
  note: input.note,
});

export async function createPlace(ctx: Ctx, input: PlaceInput) {
  return inTransaction(ctx, async (tx) => {
    const basis = authorizeDirectory(tx, 'create', 'community_place.create');
    await check(tx, input);
    const id = newId();
    const mid = tx.actor.municipalityId;
    await tx.db
      .insertInto('community_place')
      .values({ municipality_id: mid, place_id: id, ...columns(input), created_by_user_id: tx.actor.userId, created_at: tx.now, updated_at: tx.now })
      .execute();
    await audit(tx, { action: 'community_place.create', targetType: 'community_place', targetId: id, basis, details: { kind: input.kind, areaId: input.areaId ?? null, status: input.status } });
    return placeView(tx, (await loadPlace(tx.db, mid, id))!);
  });
}

export async function updatePlace(ctx: Ctx, placeId: string, input: z.output<typeof PlaceUpdateBody>) {
  return inTransaction(ctx, async (tx) => {
    const basis = authorizeDirectory(tx, 'update', 'community_place.update', placeId);
    const mid = tx.actor.municipalityId;
    const current = await loadPlace(tx.db, mid, placeId);
    if (!current) throw new AppError('not_found');
    await check(tx, input);
    const r = await tx.db
      .updateTable('community_place')
      .set((eb) => ({ ...columns(input), updated_at: tx.now, version: eb('version', '+', 1) }))
      .where('municipality_id', '=', mid)
      .where('place_id', '=', placeId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new AppError('conflict');
    const details = { kind: input.kind, areaId: input.areaId ?? null, status: input.status, statusBefore: current.status };
    await audit(tx, { action: 'community_place.update', targetType: 'community_place', targetId: placeId, basis, details });
    return placeView(tx, (await loadPlace(tx.db, mid, placeId))!);
  });
}
