import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import type { LeadSource, Urgency } from '../platform/db/schema-outreach.js';
import { inTransaction } from '../platform/db/transaction.js';
import { actingAgency } from '../consultation/acting-agency.js';
import { isoDayInJapan } from '../consultation/japanese/japanese-date.js';
import { checkLeadLinks } from './lead-links.js';
import { assertAgencyWorker, insertLead } from './lead.repo.js';
import { type LeadView, loadLeadView } from './lead-view.js';

export interface CreateLeadInput {
  agencyId?: string | null | undefined;
  areaId?: string | null | undefined;
  source: LeadSource;
  sourceDetail?: string | null | undefined;
  meetingId?: string | null | undefined;
  personId?: string | null | undefined;
  personDescription: string;
  householdId?: string | null | undefined;
  location?: string | null | undefined;
  concern: string;
  urgency?: Urgency | undefined;
  assignedUserId?: string | null | undefined;
}

/**
 * アウトリーチ対象の登録: a person not yet in contact (possibly unidentified), from a meeting, a
 * neighbour, another agency…, held by the worker's agency and assigned to the worker unless named.
 */
export async function createLead(ctx: Ctx, input: CreateLeadInput): Promise<LeadView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const agencyId = actingAgency(tx, input.agencyId);
    const basis = authorize(tx, 'create', { kind: 'outreach_lead', municipalityId: mid, ownerAgencyIds: [agencyId] });
    await checkLeadLinks(tx, input);
    const assigned = input.assignedUserId ?? tx.actor.userId;
    await assertAgencyWorker(tx.db, mid, agencyId, assigned);
    const leadId = await insertLead(
      tx,
      {
        agency_id: agencyId,
        area_id: input.areaId ?? null,
        source: input.source,
        source_detail: input.sourceDetail ?? null,
        meeting_id: input.meetingId ?? null,
        person_id: input.personId ?? null,
        person_description: input.personDescription,
        household_id: input.householdId ?? null,
        location: input.location ?? null,
        concern: input.concern,
        urgency: input.urgency ?? 'normal',
        assigned_user_id: assigned,
      },
      isoDayInJapan(tx.now),
    );
    await audit(tx, { action: 'outreach_lead.create', targetType: 'outreach_lead', targetId: leadId, basis, details: { source: input.source, identified: !!input.personId } });
    return loadLeadView(tx, leadId, true);
  });
}
