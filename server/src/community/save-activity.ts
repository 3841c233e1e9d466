/** 活動の登録・変更 at a 拠点: name, recurring schedule, times, validity, usual 参加団体. Audited. */
import type { z } from 'zod';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { newId } from '../platform/db/ids.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { loadActivity, replaceActivityPartners } from './activity.repo.js';
import { activityViews } from './activity-view.js';
import { authorizeDirectory, todayOf } from './community-access.js';
import type { ActivityBody, ActivityUpdateBody } from './community.schemas.js';
import { activityProblems, normaliseRule } from './community-rules.js';
import { checkPartners } from './partner.repo.js';

type ActivityInput = z.output<typeof ActivityBody>;

function columns(input: ActivityInput) {
  const rule = normaliseRule(input.schedule);
  return {
    name: input.name,
    description: input.description,
    freq: rule.freq,
    weekdays: rule.freq === 'monthly_day' ? [] : [...rule.weekdays],
    interval_weeks: rule.freq === 'weekly' ? rule.intervalWeeks : 1,
    nths: rule.freq === 'monthly_nth' ? [...rule.nths] : [],
    month_days: rule.freq === 'monthly_day' ? [...rule.monthDays] : [],
    starts_at: input.startsAt,
    ends_at: input.endsAt,
    valid_from: input.validFrom,
    valid_to: input.validTo ?? null,
    skip_holidays: input.skipHolidays,
  };
}

async function check(tx: Ctx, input: ActivityInput): Promise<string[]> {
  const problems = activityProblems(input);
  if (problems.length > 0) throw new AppError('invalid', { fields: problems });
  return checkPartners(tx.db, tx.actor.municipalityId, input.partnerIds, 'partnerIds');
}

async function view(tx: Ctx, activityId: string) {
  const row = (await loadActivity(tx.db, tx.actor.municipalityId, activityId))!;
  return (await activityViews(tx.db, tx.actor.municipalityId, [row], todayOf(tx)))[0]!;
}

export async function createActivity(ctx: Ctx, placeId: string, input: ActivityInput) {
  return inTransaction(ctx, async (tx) => {
    const basis = authorizeDirectory(tx, 'create', 'community_activity.create');
    const mid = tx.actor.municipalityId;
    const place = await tx.db.selectFrom('community_place').select('place_id').where('municipality_id', '=', mid).where('place_id', '=', placeId).executeTakeFirst();
    if (!place) throw new AppError('not_found');
    const partners = await check(tx, input);
    const id = newId();
    await tx.db
      .insertInto('community_activity')
      .values({ municipality_id: mid, activity_id: id, place_id: placeId, ...columns(input), created_by_user_id: tx.actor.userId, created_at: tx.now, updated_at: tx.now })
      .execute();
    await replaceActivityPartners(tx.db, mid, id, partners);
    await audit(tx, { action: 'community_activity.create', targetType: 'community_activity', targetId: id, basis, details: { placeId, freq: input.schedule.freq } });
    return view(tx, id);
  });
}

export async function updateActivity(ctx: Ctx, activityId: string, input: z.output<typeof ActivityUpdateBody>) {
  return inTransaction(ctx, async (tx) => {
    const basis = authorizeDirectory(tx, 'update', 'community_activity.update', activityId);
    const mid = tx.actor.municipalityId;
    const current = await loadActivity(tx.db, mid, activityId);
    if (!current) throw new AppError('not_found');
    const partners = await check(tx, input);
    const r = await tx.db
      .updateTable('community_activity')
      .set((eb) => ({ ...columns(input), updated_at: tx.now, version: eb('version', '+', 1) }))
      .where('municipality_id', '=', mid)
      .where('activity_id', '=', activityId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new AppError('conflict');
    await replaceActivityPartners(tx.db, mid, activityId, partners);
    // Sessions already recorded stay as they were: a changed rule only changes the dates to come.
    await audit(tx, { action: 'community_activity.update', targetType: 'community_activity', targetId: activityId, basis, details: { placeId: current.place_id, freq: input.schedule.freq } });
    return view(tx, activityId);
  });
}
