import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import type { ConsultationRoute } from '../platform/db/schema.js';
import { newId } from '../platform/db/ids.js';
import { inTransaction } from '../platform/db/transaction.js';
import { actingAgency } from './acting-agency.js';
import { consentHistory, loadConsultation } from './consultation.repo.js';
import { type ConsultationView, toConsultationView } from './consultation-view.js';
import { assertIntake } from './intake-rules.js';
import { isoDayInJapan, parseJapaneseDate } from './japanese/japanese-date.js';
import { personFacts } from './person.repo.js';
import { AppError } from '../platform/http/errors.js';

export interface TakeConsultationInput {
  receivedOn?: string | null | undefined;
  agencyId?: string | null | undefined;
  route: ConsultationRoute;
  visitor: { kind: 'self' | 'other'; relationship?: string | null | undefined; name?: string | null | undefined };
  personId?: string | null | undefined;
  anonymous?: boolean | undefined;
  categories: string[];
  primaryCategory?: string | null | undefined;
  summary: string;
  details?: string | null | undefined;
  consentStatus: 'given' | 'refused' | 'unknown';
}

/** 相談を受け付ける: never refused for lack of a person; the consent status is recorded with who and when. */
export async function takeConsultation(ctx: Ctx, input: TakeConsultationInput): Promise<ConsultationView> {
  assertIntake(input);
  let receivedOn = isoDayInJapan(ctx.now);
  if (input.receivedOn) {
    const parsed = parseJapaneseDate(input.receivedOn, ctx.now);
    if (!parsed.ok) throw new AppError('invalid', { fields: [{ path: 'receivedOn', message: parsed.message }] });
    receivedOn = parsed.iso;
  }
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const agencyId = actingAgency(tx, input.agencyId);
    const basis = authorize(tx, 'create', { kind: 'consultation', municipalityId: mid, ownerAgencyIds: [agencyId] });
    if (input.personId) {
      // The person must be one the worker may see (found through search), else it does not exist for them.
      const facts = (await personFacts(tx.db, mid, input.personId)) ?? { kind: 'person' as const, municipalityId: mid, id: input.personId };
      authorize(tx, 'read', facts);
    }
    const consultationId = newId();
    await tx.db
      .insertInto('consultation')
      .values({
        municipality_id: mid,
        consultation_id: consultationId,
        received_on: receivedOn,
        receiving_agency_id: agencyId,
        received_by_user_id: tx.actor.userId,
        route: input.route,
        visitor_kind: input.visitor.kind,
        visitor_relationship: input.visitor.kind === 'other' ? (input.visitor.relationship ?? null) : null,
        visitor_name: input.visitor.kind === 'other' ? (input.visitor.name ?? null) : null,
        person_id: input.personId ?? null,
        anonymous: input.anonymous ?? false,
        categories: input.categories,
        primary_category: input.primaryCategory ?? null,
        summary: input.summary,
        details: input.details ?? null,
        created_at: tx.now,
        updated_at: tx.now,
      })
      .execute();
    await tx.db
      .insertInto('consent')
      .values({ municipality_id: mid, consent_id: newId(), consultation_id: consultationId, person_id: input.personId ?? null, status: input.consentStatus, recorded_by_user_id: tx.actor.userId, recorded_at: tx.now })
      .execute();
    await audit(tx, { action: 'consultation.create', targetType: 'consultation', targetId: consultationId, basis, details: { route: input.route, consent: input.consentStatus } });
    return toConsultationView((await loadConsultation(tx.db, mid, consultationId))!, await consentHistory(tx.db, mid, consultationId));
  });
}
