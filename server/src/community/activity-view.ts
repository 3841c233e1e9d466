/** The 活動 as the place page shows it: its rule, usual 参加団体 and next session dates. */
import type { DbHandle } from '../platform/db/database.js';
import { type ActivityRow, lastHeldOfActivities, partnersOfActivities, scheduleOf } from './activity.repo.js';
import { nextSessionDates } from './schedule.js';

const hhmm = (t: string) => t.slice(0, 5);

export async function activityViews(db: DbHandle, municipalityId: string, rows: readonly ActivityRow[], today: string) {
  const ids = rows.map((r) => r.activity_id);
  const partners = await partnersOfActivities(db, municipalityId, ids);
  const lastHeld = await lastHeldOfActivities(db, municipalityId, ids);
  return rows.map((a) => ({
    id: a.activity_id,
    placeId: a.place_id,
    name: a.name,
    description: a.description,
    schedule: { freq: a.freq, weekdays: a.weekdays, intervalWeeks: a.interval_weeks, nths: a.nths, monthDays: a.month_days },
    startsAt: hhmm(a.starts_at),
    endsAt: hhmm(a.ends_at),
    validFrom: a.valid_from,
    validTo: a.valid_to,
    skipHolidays: a.skip_holidays,
    partners: partners.get(a.activity_id) ?? [],
    nextSessions: nextSessionDates(scheduleOf(a), today, 4),
    lastHeldOn: lastHeld.get(a.activity_id) ?? null,
    version: a.version,
  }));
}
