import type { Updateable } from 'kysely';
import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import type { OutreachLeadTable, LeadSource, Urgency } from '../platform/db/schema-outreach.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { checkLeadLinks } from './lead-links.js';
import { leadStepProblem } from './lead-rules.js';
import { assertAgencyWorker, getLeadRow, leadFactsOrUnknown, updateLead } from './lead.repo.js';
import { type LeadView, loadLeadView } from './lead-view.js';

export interface UpdateLeadInput {
  version: number;
  areaId?: string | null | undefined;
  source?: LeadSource | undefined;
  sourceDetail?: string | null | undefined;
  meetingId?: string | null | undefined;
  personId?: string | null | undefined;
  personDescription?: string | undefined;
  householdId?: string | null | undefined;
  location?: string | null | undefined;
  concern?: string | undefined;
  urgency?: Urgency | undefined;
  assignedUserId?: string | null | undefined;
}

/**
 * アウトリーチ対象の更新: who it is (本人を特定 links the person found by 本人検索 or registered),
 * the household, area, source, 担当者. Only the fields given change; a stale version is a conflict.
 */
export async function updateLeadDetails(ctx: Ctx, leadId: string, input: UpdateLeadInput): Promise<LeadView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const basis = authorize(tx, 'update', await leadFactsOrUnknown(tx, leadId), { auditAction: 'outreach_lead.update' });
    const lead = await getLeadRow(tx.db, mid, leadId);
    const problem = leadStepProblem(lead.status, 'edit');
    if (problem) throw new AppError('invalid', { fields: [{ path: 'status', message: problem }] }, problem);
    await checkLeadLinks(tx, {
      personId: input.personId !== lead.person_id ? input.personId : null,
      householdId: input.householdId !== lead.household_id ? input.householdId : null,
      meetingId: input.meetingId,
      areaId: input.areaId,
    });
    if (input.assignedUserId) await assertAgencyWorker(tx.db, mid, lead.agency_id, input.assignedUserId);
    const set: Updateable<OutreachLeadTable> = {};
    if (input.areaId !== undefined) set.area_id = input.areaId;
    if (input.source !== undefined) set.source = input.source;
    if (input.sourceDetail !== undefined) set.source_detail = input.sourceDetail;
    if (input.meetingId !== undefined) set.meeting_id = input.meetingId;
    if (input.personId !== undefined) set.person_id = input.personId;
    if (input.personDescription !== undefined) set.person_description = input.personDescription;
    if (input.householdId !== undefined) set.household_id = input.householdId;
    if (input.location !== undefined) set.location = input.location;
    if (input.concern !== undefined) set.concern = input.concern;
    if (input.urgency !== undefined) set.urgency = input.urgency;
    if (input.assignedUserId !== undefined) set.assigned_user_id = input.assignedUserId;
    await updateLead(tx, leadId, input.version, set);
    const changed = Object.keys(set);
    await audit(tx, { action: 'outreach_lead.update', targetType: 'outreach_lead', targetId: leadId, basis, details: { fields: changed, personIdentified: input.personId ? true : undefined } });
    return loadLeadView(tx, leadId, true);
  });
}
