/** Checks shared by the plan use cases (content rules in the context of the case). */
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/http/errors.js';
import { isoDayInJapan } from '../../consultation/japanese/japanese-date.js';
import { type PlanContent, type PlanContentInput, planContentProblems, withIds } from './plan-content.js';
import { allowedActionAgencies } from './plan.repo.js';

export const invalid = (path: string, message: string) => new AppError('invalid', { fields: [{ path, message }] });

/** Content rules for a new version of a plan of this case; ids given to new goals and actions. */
export async function checkedContent(tx: Ctx, kase: { case_id: string; lead_agency_id: string }, input: PlanContentInput): Promise<PlanContent> {
  const allowedAgencyIds = await allowedActionAgencies(tx.db, tx.actor.municipalityId, kase.case_id, kase.lead_agency_id);
  const fields = planContentProblems(input, { today: isoDayInJapan(tx.now), allowedAgencyIds });
  if (fields.length > 0) throw new AppError('invalid', { fields });
  return withIds(input);
}

/** Counts only, never the text: what an audit event may say about a version. */
export function contentStats(content: PlanContent) {
  return {
    shortGoals: content.shortGoals.length,
    actions: content.actions.length,
    usesParticipation: content.usesParticipation,
    usesOutreach: content.usesOutreach,
    agreed: content.agreement !== null,
    nextReviewOn: content.nextReviewOn,
  };
}
