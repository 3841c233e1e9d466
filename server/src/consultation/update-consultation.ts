import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import type { ConsentStatus } from '../platform/db/schema.js';
import { newId } from '../platform/db/ids.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { consentHistory, consultationFacts, loadConsultation } from './consultation.repo.js';
import { toConsultationView } from './consultation-view.js';
import { parseJapaneseDate } from './japanese/japanese-date.js';
import { personFacts } from './person.repo.js';

async function bumpVersion(ctx: Ctx, consultationId: string, version: number, set: { person_id?: string; anonymous?: boolean } = {}) {
  const result = await ctx.db
    .updateTable('consultation')
    .set((eb) => ({ ...set, updated_at: ctx.now, version: eb('version', '+', 1) }))
    .where('municipality_id', '=', ctx.actor.municipalityId)
    .where('consultation_id', '=', consultationId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new AppError('conflict');
}

async function authorizeChange(ctx: Ctx, consultationId: string) {
  const mid = ctx.actor.municipalityId;
  const facts = (await consultationFacts(ctx.db, mid, consultationId)) ?? { kind: 'consultation' as const, municipalityId: mid, id: consultationId };
  return authorize(ctx, 'update', facts);
}

async function view(ctx: Ctx, consultationId: string) {
  const mid = ctx.actor.municipalityId;
  return toConsultationView((await loadConsultation(ctx.db, mid, consultationId))!, await consentHistory(ctx.db, mid, consultationId));
}

/** 本人を特定: an anonymous or unknown-person consultation gets its person once identified. */
export async function identifyPerson(ctx: Ctx, consultationId: string, input: { personId: string; version: number }) {
  return inTransaction(ctx, async (tx) => {
    const basis = await authorizeChange(tx, consultationId);
    const mid = tx.actor.municipalityId;
    authorize(tx, 'read', (await personFacts(tx.db, mid, input.personId)) ?? { kind: 'person', municipalityId: mid, id: input.personId });
    await bumpVersion(tx, consultationId, input.version, { person_id: input.personId, anonymous: false });
    await tx.db.updateTable('consent').set({ person_id: input.personId }).where('municipality_id', '=', mid).where('consultation_id', '=', consultationId).execute();
    await audit(tx, { action: 'consultation.person_identified', targetType: 'consultation', targetId: consultationId, basis, details: { personId: input.personId } });
    return view(tx, consultationId);
  });
}

export interface RecordConsentInput {
  status: ConsentStatus;
  agencyScope?: string[] | null | undefined;
  dataScope?: string[] | null | undefined;
  validUntil?: string | null | undefined;
  version: number;
}

/** 同意の記録・撤回: a new decision row (history kept) with its scope, who recorded it and when. */
export async function recordConsent(ctx: Ctx, consultationId: string, input: RecordConsentInput) {
  let validUntil: string | null = null;
  if (input.validUntil) {
    const parsed = parseJapaneseDate(input.validUntil, new Date(Date.UTC(2200, 0, 1)));
    if (!parsed.ok) throw new AppError('invalid', { fields: [{ path: 'validUntil', message: parsed.message }] });
    validUntil = parsed.iso;
  }
  return inTransaction(ctx, async (tx) => {
    const basis = await authorizeChange(tx, consultationId);
    const mid = tx.actor.municipalityId;
    await bumpVersion(tx, consultationId, input.version);
    const row = (await loadConsultation(tx.db, mid, consultationId))!;
    await tx.db
      .insertInto('consent')
      .values({
        municipality_id: mid,
        consent_id: newId(),
        consultation_id: consultationId,
        person_id: row.person_id,
        status: input.status,
        agency_scope: input.agencyScope && input.agencyScope.length > 0 ? input.agencyScope : null,
        data_scope: input.dataScope && input.dataScope.length > 0 ? input.dataScope : null,
        valid_until: validUntil,
        recorded_by_user_id: tx.actor.userId,
        recorded_at: tx.now,
      })
      .execute();
    await audit(tx, { action: 'consent.recorded', targetType: 'consultation', targetId: consultationId, basis, details: { status: input.status } });
    return view(tx, consultationId);
  });
}
