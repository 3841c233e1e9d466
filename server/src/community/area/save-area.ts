/** 圏域の追加・変更 (市町村管理者: municipal_config 'update'), versioned and audited. */
import type { z } from 'zod';
import { authorize } from '../../platform/access/authorize.js';
import { audit } from '../../platform/audit/record-audit.js';
import type { Ctx } from '../../platform/context.js';
import { newId } from '../../platform/db/ids.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/http/errors.js';
import { loadArea, parentLinks } from './area.repo.js';
import { makesCycle } from './area-rules.js';
import type { AreaBody, AreaUpdateBody } from './area.schemas.js';

type AreaInput = z.output<typeof AreaBody>;

async function checkReferences(tx: Ctx, input: AreaInput, areaId: string) {
  const mid = tx.actor.municipalityId;
  if (input.parentId) {
    const links = await parentLinks(tx.db, mid);
    if (!links.has(input.parentId)) throw new AppError('invalid', { fields: [{ path: 'parentId', message: '登録されていない圏域です。' }] });
    if (makesCycle(links, areaId, input.parentId)) throw new AppError('invalid', { fields: [{ path: 'parentId', message: '自分自身やその内側の圏域を上位の圏域にはできません。' }] });
  }
  if (input.responsibleAgencyId) {
    const agency = await tx.db.selectFrom('agency').select('agency_id').where('municipality_id', '=', mid).where('agency_id', '=', input.responsibleAgencyId).executeTakeFirst();
    if (!agency) throw new AppError('invalid', { fields: [{ path: 'responsibleAgencyId', message: '登録されていない機関です。' }] });
  }
  const taken = await tx.db.selectFrom('municipal_area').select('area_id').where('municipality_id', '=', mid).where('code', '=', input.code).where('area_id', '<>', areaId).executeTakeFirst();
  if (taken) throw new AppError('duplicate', { fields: [{ path: 'code', message: 'このコードはすでに使われています。' }] });
}

export async function createArea(ctx: Ctx, input: AreaInput) {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const basis = authorize(tx, 'update', { kind: 'municipal_config', municipalityId: mid }, { auditAction: 'municipal_area.create' });
    const id = newId();
    await checkReferences(tx, input, id);
    await tx.db
      .insertInto('municipal_area')
      .values({
        municipality_id: mid,
        area_id: id,
        code: input.code,
        name: input.name,
        kind: input.kind,
        parent_area_id: input.parentId ?? null,
        responsible_agency_id: input.responsibleAgencyId ?? null,
        sort_order: input.sortOrder,
        created_at: tx.now,
        updated_at: tx.now,
      })
      .execute();
    await audit(tx, { action: 'municipal_area.create', targetType: 'municipal_area', targetId: id, basis, details: { code: input.code, kind: input.kind } });
    return (await loadArea(tx.db, mid, id))!;
  });
}

export async function updateArea(ctx: Ctx, areaId: string, input: z.output<typeof AreaUpdateBody>) {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const basis = authorize(tx, 'update', { kind: 'municipal_config', municipalityId: mid, id: areaId }, { auditAction: 'municipal_area.update' });
    const current = await loadArea(tx.db, mid, areaId);
    if (!current) throw new AppError('not_found');
    await checkReferences(tx, input, areaId);
    const r = await tx.db
      .updateTable('municipal_area')
      .set((eb) => ({
        code: input.code,
        name: input.name,
        kind: input.kind,
        parent_area_id: input.parentId ?? null,
        responsible_agency_id: input.responsibleAgencyId ?? null,
        sort_order: input.sortOrder,
        updated_at: tx.now,
        version: eb('version', '+', 1),
      }))
      .where('municipality_id', '=', mid)
      .where('area_id', '=', areaId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new AppError('conflict');
    const changed = (['code', 'name', 'kind', 'parentId', 'responsibleAgencyId', 'sortOrder'] as const).filter((k) => (current[k] ?? null) !== (input[k] ?? null));
    await audit(tx, { action: 'municipal_area.update', targetType: 'municipal_area', targetId: areaId, basis, details: { code: input.code, changed } });
    return (await loadArea(tx.db, mid, areaId))!;
  });
}
