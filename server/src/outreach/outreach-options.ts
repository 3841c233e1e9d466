/** Choices the outreach forms offer: the municipality's 圏域 and the staff of the actor's agencies. */
import { sql } from 'kysely';
import { isStaff } from '../platform/access/relationships.js';
import type { Ctx } from '../platform/context.js';
import type { DbHandle } from '../platform/db/database.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';

export async function areaOptions(db: DbHandle, municipalityId: string) {
  const rows = await db
    .selectFrom('municipal_area as a')
    .leftJoin('agency as g', (j) => j.onRef('g.municipality_id', '=', 'a.municipality_id').onRef('g.agency_id', '=', 'a.responsible_agency_id'))
    .select(['a.area_id', 'a.code', 'a.name', 'g.name as agency_name'])
    .where('a.municipality_id', '=', municipalityId)
    .orderBy('a.sort_order')
    .orderBy('a.name')
    .execute();
  return rows.map((r) => ({ id: r.area_id, code: r.code, name: r.name, responsibleAgencyName: r.agency_name }));
}

/** 圏域 and 担当者 choices for staff (configuration and colleagues; no personal records). */
export async function outreachOptions(ctx: Ctx) {
  return inTransaction(ctx, async (tx) => {
    if (!isStaff(tx.actor)) throw new AppError('forbidden');
    const mid = tx.actor.municipalityId;
    const workers =
      tx.actor.agencyIds.length === 0
        ? []
        : await tx.db
            .selectFrom('user_agency as ua')
            .innerJoin('app_user as u', (j) => j.onRef('u.municipality_id', '=', 'ua.municipality_id').onRef('u.user_id', '=', 'ua.user_id'))
            .select(['u.user_id', 'u.display_name', 'ua.agency_id'])
            .where('ua.municipality_id', '=', mid)
            .where('ua.agency_id', 'in', [...tx.actor.agencyIds])
            .where('u.status', '=', 'active')
            .where(sql<boolean>`u.roles && array['caseworker', 'coordinator', 'outreach_worker', 'municipal_admin']::text[]`)
            .orderBy('u.display_name')
            .execute();
    return { areas: await areaOptions(tx.db, mid), workers: workers.map((w) => ({ id: w.user_id, name: w.display_name, agencyId: w.agency_id })) };
  });
}
