/** 活動 rows, their usual 参加団体, and the schedule each one gives. */
import type { Selectable } from 'kysely';
import type { DbHandle } from '../platform/db/database.js';
import type { CommunityActivityTable, PartnerKind } from '../platform/db/schema-community.js';
import { normaliseRule } from './community-rules.js';
import type { ActivitySchedule } from './schedule.js';

export type ActivityRow = Selectable<CommunityActivityTable>;

export function scheduleOf(a: ActivityRow): ActivitySchedule {
  return {
    rule: normaliseRule({ freq: a.freq, weekdays: a.weekdays, intervalWeeks: a.interval_weeks, nths: a.nths, monthDays: a.month_days }),
    validFrom: a.valid_from,
    validTo: a.valid_to,
    skipHolidays: a.skip_holidays,
  };
}

export async function loadActivity(db: DbHandle, municipalityId: string, activityId: string): Promise<ActivityRow | undefined> {
  return db.selectFrom('community_activity').selectAll().where('municipality_id', '=', municipalityId).where('activity_id', '=', activityId).executeTakeFirst();
}

export async function activitiesOfPlace(db: DbHandle, municipalityId: string, placeId: string): Promise<ActivityRow[]> {
  return db.selectFrom('community_activity').selectAll().where('municipality_id', '=', municipalityId).where('place_id', '=', placeId).orderBy('valid_from').orderBy('name').execute();
}

/** Usual 参加団体 of the given activities, by activity id. */
export async function partnersOfActivities(db: DbHandle, municipalityId: string, activityIds: readonly string[]) {
  const out = new Map<string, Array<{ id: string; name: string; kind: PartnerKind }>>();
  if (activityIds.length === 0) return out;
  const rows = await db
    .selectFrom('community_activity_partner as ap')
    .innerJoin('community_partner as p', (j) => j.onRef('p.municipality_id', '=', 'ap.municipality_id').onRef('p.partner_id', '=', 'ap.partner_id'))
    .select(['ap.activity_id', 'p.partner_id as id', 'p.name', 'p.kind'])
    .where('ap.municipality_id', '=', municipalityId)
    .where('ap.activity_id', 'in', [...activityIds])
    .orderBy('p.name')
    .execute();
  for (const r of rows) out.set(r.activity_id, [...(out.get(r.activity_id) ?? []), { id: r.id, name: r.name, kind: r.kind }]);
  return out;
}

/** Last day each activity was held. */
export async function lastHeldOfActivities(db: DbHandle, municipalityId: string, activityIds: readonly string[]): Promise<Map<string, string>> {
  if (activityIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('community_session')
    .select(['activity_id', (eb) => eb.fn.max('held_on').as('last')])
    .where('municipality_id', '=', municipalityId)
    .where('activity_id', 'in', [...activityIds])
    .where('status', '=', 'held')
    .groupBy('activity_id')
    .execute();
  return new Map(rows.map((r) => [r.activity_id, String(r.last)]));
}

export async function replaceActivityPartners(db: DbHandle, municipalityId: string, activityId: string, partnerIds: readonly string[]) {
  await db.deleteFrom('community_activity_partner').where('municipality_id', '=', municipalityId).where('activity_id', '=', activityId).execute();
  if (partnerIds.length > 0) {
    await db
      .insertInto('community_activity_partner')
      .values(partnerIds.map((partner_id) => ({ municipality_id: municipalityId, activity_id: activityId, partner_id })))
      .execute();
  }
}
