/** The records a lead may point at: only a person or household the worker may already read, an existing meeting and 圏域. */
import { authorize } from '../platform/access/authorize.js';
import type { Ctx } from '../platform/context.js';
import { AppError } from '../platform/http/errors.js';
import { householdFacts } from '../consultation/household.repo.js';
import { personFacts } from '../consultation/person.repo.js';
import { assertArea } from './lead.repo.js';

export interface LeadLinks {
  personId?: string | null | undefined;
  householdId?: string | null | undefined;
  meetingId?: string | null | undefined;
  areaId?: string | null | undefined;
}

export async function checkLeadLinks(ctx: Ctx, links: LeadLinks): Promise<void> {
  const mid = ctx.actor.municipalityId;
  if (links.personId) {
    authorize(ctx, 'read', (await personFacts(ctx.db, mid, links.personId)) ?? { kind: 'person', municipalityId: mid, id: links.personId });
  }
  if (links.householdId) {
    authorize(ctx, 'read', (await householdFacts(ctx.db, mid, links.householdId)) ?? { kind: 'household', municipalityId: mid, id: links.householdId });
  }
  if (links.meetingId) {
    const meeting = await ctx.db.selectFrom('meeting').select('meeting_id').where('municipality_id', '=', mid).where('meeting_id', '=', links.meetingId).executeTakeFirst();
    if (!meeting) throw new AppError('invalid', { fields: [{ path: 'meetingId', message: '会議が見つかりません。' }] });
  }
  if (links.areaId) await assertArea(ctx.db, mid, links.areaId);
}
