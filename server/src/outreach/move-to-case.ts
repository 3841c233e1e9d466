import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { newId } from '../platform/db/ids.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { actingAgency } from '../consultation/acting-agency.js';
import { isoDayInJapan, parseJapaneseDate } from '../consultation/japanese/japanese-date.js';
import { registerHousehold } from '../consultation/manage-household.js';
import { openCase } from '../consultation/open-case.js';
import { takeConsultation } from '../consultation/take-consultation.js';
import { leadStepProblem } from './lead-rules.js';
import { getLeadRow, leadFactsOrUnknown, updateLead } from './lead.repo.js';
import { type LeadView, loadLeadView } from './lead-view.js';

export interface MoveToCaseInput {
  version: number;
  /** The household of the case; absent: the lead's, else the person's current one, else a new one. */
  householdId?: string | null | undefined;
  householdLabel?: string | null | undefined;
  summary?: string | null | undefined;
  categories?: string[] | undefined;
  /** 同意の範囲: agencies and data categories (absent = all related agencies / all data), until when. */
  agencyScope?: string[] | null | undefined;
  dataScope?: string[] | null | undefined;
  validUntil?: string | null | undefined;
}

const invalid = (path: string, message: string) => new AppError('invalid', { fields: [{ path, message }] }, message);

/**
 * 同意を得て相談・ケースへ移行: in one transaction the person's consent (同意あり, with its scope)
 * is recorded on a new 相談受付 taken by the worker's agency (take-consultation), the household gets
 * a case led by that agency (open-case; a household without one is registered first), and the
 * lead becomes 移行済み with links to both. Its contact cadence carries over to the case.
 */
export async function moveLeadToCase(ctx: Ctx, leadId: string, input: MoveToCaseInput): Promise<LeadView> {
  let validUntil: string | null = null;
  if (input.validUntil) {
    const parsed = parseJapaneseDate(input.validUntil, new Date(Date.UTC(2200, 0, 1)));
    if (!parsed.ok) throw invalid('validUntil', parsed.message);
    validUntil = parsed.iso;
  }
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const basis = authorize(tx, 'update', await leadFactsOrUnknown(tx, leadId), { auditAction: 'outreach_lead.consented' });
    const lead = await getLeadRow(tx.db, mid, leadId);
    const problem = leadStepProblem(lead.status, 'consent');
    if (problem) throw invalid('status', problem);
    if (lead.version !== input.version) throw new AppError('conflict');
    const personId = lead.person_id;
    if (!personId) throw invalid('personId', '先に本人を特定してください（本人検索で選ぶか、新しく登録します）。');
    const agencyId = actingAgency(tx, tx.actor.agencyIds.includes(lead.agency_id) ? lead.agency_id : null);

    let householdId = input.householdId ?? lead.household_id;
    if (!householdId) {
      const current = await tx.db
        .selectFrom('household_membership')
        .select('household_id')
        .where('municipality_id', '=', mid)
        .where('person_id', '=', personId)
        .where('left_on', 'is', null)
        .orderBy('joined_on', 'desc')
        .limit(1)
        .executeTakeFirst();
      householdId = current?.household_id ?? null;
    }
    let householdCreated = false;
    if (!householdId) {
      const person = await tx.db.selectFrom('person').select(['family_name', 'address']).where('municipality_id', '=', mid).where('person_id', '=', personId).executeTakeFirstOrThrow();
      const label = input.householdLabel?.trim() || `${person.family_name}さん世帯`;
      const created = await registerHousehold(tx, { label, address: person.address, agencyId, members: [{ personId, roleInHousehold: 'head', livingTogether: true }] });
      householdId = created.id;
      householdCreated = true;
    }

    const consultation = await takeConsultation(tx, {
      agencyId,
      route: 'home_visit',
      visitor: { kind: 'self' },
      personId,
      categories: input.categories ?? [],
      summary: input.summary?.trim() || lead.concern,
      consentStatus: 'given',
    });
    // The consent decision just recorded (same transaction) gets the scope the person agreed to.
    await tx.db
      .updateTable('consent')
      .set({ agency_scope: input.agencyScope?.length ? input.agencyScope : null, data_scope: input.dataScope?.length ? input.dataScope : null, valid_until: validUntil })
      .where('municipality_id', '=', mid)
      .where('consultation_id', '=', consultation.id)
      .execute();

    const open = await tx.db
      .selectFrom('support_case')
      .select(['case_id', 'lead_agency_id'])
      .where('municipality_id', '=', mid)
      .where('household_id', '=', householdId)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (open && open.lead_agency_id !== agencyId) {
      throw new AppError('duplicate', undefined, 'この世帯には他の機関が主担当のケースがあります。主担当の機関と調整してください。');
    }
    const caseId = open?.case_id ?? (await openCase(tx, { householdId, agencyId, note: 'アウトリーチから本人の同意を得て移行' })).id;

    const cadence = await tx.db.selectFrom('contact_cadence').select('interval_days').where('municipality_id', '=', mid).where('lead_id', '=', leadId).executeTakeFirst();
    const caseCadence = await tx.db.selectFrom('contact_cadence').select('cadence_id').where('municipality_id', '=', mid).where('case_id', '=', caseId).executeTakeFirst();
    if (cadence && !caseCadence) {
      await tx.db
        .insertInto('contact_cadence')
        .values({ municipality_id: mid, cadence_id: newId(), case_id: caseId, interval_days: cadence.interval_days, starts_on: isoDayInJapan(tx.now), agency_id: agencyId, set_by_user_id: lead.assigned_user_id ?? tx.actor.userId, created_at: tx.now, updated_at: tx.now })
        .execute();
    }
    await updateLead(tx, leadId, input.version, { status: 'consented', consultation_id: consultation.id, case_id: caseId, household_id: householdId, consented_on: isoDayInJapan(tx.now) });
    await audit(tx, { action: 'outreach_lead.consented', targetType: 'outreach_lead', targetId: leadId, basis, details: { consultationId: consultation.id, caseId, householdId, householdCreated, scoped: !!(input.agencyScope?.length || input.dataScope?.length || validUntil) } });
    return loadLeadView(tx, leadId, true);
  });
}
