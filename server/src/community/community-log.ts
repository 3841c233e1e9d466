/**
 * 活動記録 of 生活支援コーディネーター・地域づくりコーディネーター: dated entries (訪問, 会議, 調整,
 * 立ち上げ支援, 研修, その他) about a place or 圏域 with the organisations involved. Everyone who keeps
 * the directory writes entries; only the author changes an entry. Every change is audited.
 */
import type { z } from 'zod';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { newId } from '../platform/db/ids.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { authorizeDirectory } from './community-access.js';
import type { LogBody, LogUpdateBody } from './community.schemas.js';
import { type LogFilter, logRows } from './log.repo.js';
import { checkPartners, checkRef } from './partner.repo.js';

type LogInput = z.output<typeof LogBody>;

const view = ({ authorId: _a, ...row }: Awaited<ReturnType<typeof logRows>>[number]) => row;

export async function listLog(ctx: Ctx, filter: LogFilter) {
  return inTransaction(ctx, async (tx) => {
    authorizeDirectory(tx, 'list', 'community_log.list');
    return { items: (await logRows(tx.db, tx.actor.municipalityId, tx.actor.userId, filter)).map(view) };
  });
}

/** Checks the references; a place without a 圏域 given files the entry under the place's 圏域. */
async function resolve(tx: Ctx, input: LogInput) {
  const mid = tx.actor.municipalityId;
  await checkRef(tx.db, mid, 'municipal_area', input.areaId, 'areaId');
  let areaId = input.areaId ?? null;
  if (input.placeId) {
    const place = await tx.db.selectFrom('community_place').select('area_id').where('municipality_id', '=', mid).where('place_id', '=', input.placeId).executeTakeFirst();
    if (!place) throw new AppError('invalid', { fields: [{ path: 'placeId', message: '登録されていない拠点です。' }] });
    areaId ??= place.area_id;
  }
  const partnerIds = await checkPartners(tx.db, mid, input.partnerIds, 'partnerIds');
  return { entry_on: input.entryOn, kind: input.kind, place_id: input.placeId ?? null, area_id: areaId, partner_ids: partnerIds, note: input.note };
}

async function one(tx: Ctx, entryId: string) {
  return view((await logRows(tx.db, tx.actor.municipalityId, tx.actor.userId, { entryId }, 1))[0]!);
}

export async function createLogEntry(ctx: Ctx, input: LogInput) {
  return inTransaction(ctx, async (tx) => {
    const basis = authorizeDirectory(tx, 'create', 'community_log.create');
    const values = await resolve(tx, input);
    const id = newId();
    await tx.db
      .insertInto('community_log_entry')
      .values({ municipality_id: tx.actor.municipalityId, entry_id: id, ...values, user_id: tx.actor.userId, agency_id: tx.actor.agencyIds[0] ?? null, created_at: tx.now, updated_at: tx.now })
      .execute();
    await audit(tx, { action: 'community_log.create', targetType: 'community_log_entry', targetId: id, basis, details: { kind: input.kind, entryOn: input.entryOn } });
    return one(tx, id);
  });
}

export async function updateLogEntry(ctx: Ctx, entryId: string, input: z.output<typeof LogUpdateBody>) {
  return inTransaction(ctx, async (tx) => {
    const basis = authorizeDirectory(tx, 'update', 'community_log.update', entryId);
    const mid = tx.actor.municipalityId;
    const current = (await logRows(tx.db, mid, tx.actor.userId, { entryId }, 1))[0];
    if (!current) throw new AppError('not_found');
    if (current.authorId !== tx.actor.userId) throw new AppError('forbidden', undefined, '活動記録を変更できるのは記録した本人だけです。');
    const values = await resolve(tx, input);
    const r = await tx.db
      .updateTable('community_log_entry')
      .set((eb) => ({ ...values, updated_at: tx.now, version: eb('version', '+', 1) }))
      .where('municipality_id', '=', mid)
      .where('entry_id', '=', entryId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new AppError('conflict');
    await audit(tx, { action: 'community_log.update', targetType: 'community_log_entry', targetId: entryId, basis, details: { kind: input.kind, entryOn: input.entryOn } });
    return one(tx, entryId);
  });
}
