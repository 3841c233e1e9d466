/**
 * アウトリーチ対象 (outreach_lead) in the database: the policy facts of a lead, inserting one with its
 * first trust stage, and versioned updates. The holding agency owns the lead; once it moved to a
 * case, the case's 支援チーム and the consultation's consent in force apply as for any personal record.
 */
import type { RecordFacts } from '../platform/access/index.js';
import type { Ctx } from '../platform/context.js';
import type { DbHandle } from '../platform/db/database.js';
import { newId } from '../platform/db/ids.js';
import type { Insertable, Updateable } from 'kysely';
import type { OutreachLeadTable } from '../platform/db/schema-outreach.js';
import { AppError } from '../platform/http/errors.js';
import { teamAgencies } from '../collaboration/collaboration-facts.js';
import { currentConsentFact } from '../consultation/consultation.repo.js';
import { ensureDefaultTrustStages, firstActiveStage } from './trust-stage.repo.js';

/** Access facts of a lead; null when there is no such lead in the municipality. */
export async function leadFacts(db: DbHandle, municipalityId: string, leadId: string): Promise<RecordFacts | null> {
  const row = await db
    .selectFrom('outreach_lead')
    .select(['agency_id', 'case_id', 'consultation_id'])
    .where('municipality_id', '=', municipalityId)
    .where('lead_id', '=', leadId)
    .executeTakeFirst();
  if (!row) return null;
  const consent = row.consultation_id ? await currentConsentFact(db, municipalityId, row.consultation_id) : undefined;
  return {
    kind: 'outreach_lead',
    municipalityId,
    id: leadId,
    ownerAgencyIds: [row.agency_id],
    teamAgencyIds: row.case_id ? await teamAgencies(db, municipalityId, [row.case_id]) : [],
    consents: consent ? [consent] : [],
  };
}

/** Facts of a lead, or facts that match nothing (so a missing lead is refused like a hidden one). */
export async function leadFactsOrUnknown(ctx: Ctx, leadId: string): Promise<RecordFacts> {
  const mid = ctx.actor.municipalityId;
  return (await leadFacts(ctx.db, mid, leadId)) ?? { kind: 'outreach_lead', municipalityId: mid, id: leadId };
}

export async function getLeadRow(db: DbHandle, municipalityId: string, leadId: string) {
  const row = await db.selectFrom('outreach_lead').selectAll().where('municipality_id', '=', municipalityId).where('lead_id', '=', leadId).executeTakeFirst();
  if (!row) throw new AppError('not_found');
  return row;
}

export type NewLead = Omit<Insertable<OutreachLeadTable>, 'municipality_id' | 'lead_id' | 'trust_stage_id' | 'stage_changed_on' | 'opened_on' | 'created_by_user_id' | 'created_at' | 'updated_at'>;

/** Inserts a lead at the municipality's first trust stage (history row included); returns its id. */
export async function insertLead(ctx: Ctx, lead: NewLead, openedOn: string): Promise<string> {
  const mid = ctx.actor.municipalityId;
  const leadId = newId();
  // A municipality set up since the last start has no stages yet: it gets the defaults here.
  await ensureDefaultTrustStages(ctx.db, mid, { now: ctx.now });
  const stage = await firstActiveStage(ctx.db, mid);
  await ctx.db
    .insertInto('outreach_lead')
    .values({
      ...lead,
      municipality_id: mid,
      lead_id: leadId,
      trust_stage_id: stage?.stage_id ?? null,
      stage_changed_on: stage ? openedOn : null,
      opened_on: openedOn,
      created_by_user_id: ctx.actor.userId,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .execute();
  if (stage) {
    await ctx.db
      .insertInto('outreach_lead_stage')
      .values({ municipality_id: mid, change_id: newId(), lead_id: leadId, stage_id: stage.stage_id, changed_on: openedOn, note: null, recorded_by_user_id: ctx.actor.userId, recorded_at: ctx.now })
      .execute();
  }
  return leadId;
}

/** `update … where version = expected`; zero rows → conflict. */
export async function updateLead(ctx: Ctx, leadId: string, version: number, set: Updateable<OutreachLeadTable>): Promise<void> {
  const result = await ctx.db
    .updateTable('outreach_lead')
    .set((eb) => ({ ...set, updated_at: ctx.now, version: eb('version', '+', 1) }))
    .where('municipality_id', '=', ctx.actor.municipalityId)
    .where('lead_id', '=', leadId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new AppError('conflict');
}

/** The staff member must be a member of the agency (担当者は対象を持つ機関の職員). */
export async function assertAgencyWorker(db: DbHandle, municipalityId: string, agencyId: string, userId: string): Promise<void> {
  const row = await db
    .selectFrom('user_agency as ua')
    .innerJoin('app_user as u', (j) => j.onRef('u.municipality_id', '=', 'ua.municipality_id').onRef('u.user_id', '=', 'ua.user_id'))
    .select('u.user_id')
    .where('ua.municipality_id', '=', municipalityId)
    .where('ua.agency_id', '=', agencyId)
    .where('ua.user_id', '=', userId)
    .where('u.status', '=', 'active')
    .executeTakeFirst();
  if (!row) throw new AppError('invalid', { fields: [{ path: 'assignedUserId', message: '担当者は対象を持つ機関の職員から選んでください。' }] });
}

export async function assertArea(db: DbHandle, municipalityId: string, areaId: string, path = 'areaId') {
  const area = await db.selectFrom('municipal_area').selectAll().where('municipality_id', '=', municipalityId).where('area_id', '=', areaId).executeTakeFirst();
  if (!area) throw new AppError('invalid', { fields: [{ path, message: '圏域が見つかりません。' }] });
  return area;
}
