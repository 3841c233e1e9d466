import { actingAgency } from '../consultation/acting-agency.js';
import { isoDayInJapan } from '../consultation/japanese/japanese-date.js';
import { personFacts } from '../consultation/person.repo.js';
import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { newId } from '../platform/db/ids.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { factsOfNeed, findNeed } from './need.repo.js';
import { checkedNeedFields, invalid, type NeedFieldsInput } from './need-input.js';
import { loadNeedView, type NeedView } from './need-view.js';

export interface RecordNeedInput extends NeedFieldsInput {
  personId: string;
  agencyId?: string | null | undefined;
  openedOn?: string | undefined;
}

/**
 * 参加支援の希望を登録: the person's wishes and constraints, kept by the actor's agency (the person
 * must be one the actor may read). Hung on a case, the case's 支援チーム sees it too.
 */
export async function recordNeed(ctx: Ctx, input: RecordNeedInput): Promise<NeedView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const person = await personFacts(tx.db, mid, input.personId);
    authorize(tx, 'read', person ?? { kind: 'person', municipalityId: mid, id: input.personId }, { auditAction: 'participation.create' });
    const agencyId = actingAgency(tx, input.agencyId);
    const needId = newId();
    const facts = await factsOfNeed(tx.db, mid, { need_id: needId, keeping_agency_id: agencyId, case_id: input.caseId ?? null, lead_agency_id: null, confidential: person?.confidential ?? false });
    const basis = authorize(tx, 'create', facts, { auditAction: 'participation.create' });
    const today = isoDayInJapan(tx.now);
    const openedOn = input.openedOn ?? today;
    if (openedOn > today) throw invalid('openedOn', '受付日に未来の日付は入力できません。');
    const fields = await checkedNeedFields(tx, input.personId, input);
    await tx.db
      .insertInto('participation_need')
      .values({
        municipality_id: mid,
        need_id: needId,
        person_id: input.personId,
        keeping_agency_id: agencyId,
        worker_user_id: tx.actor.userId,
        opened_on: openedOn,
        ...fields,
        created_at: tx.now,
        updated_at: tx.now,
      })
      .execute();
    await audit(tx, {
      action: 'participation.create',
      targetType: 'participation',
      targetId: needId,
      basis,
      details: { personId: input.personId, caseId: fields.case_id, wishes: fields.wish_codes.length, needs: fields.need_codes.length },
    });
    const need = await findNeed(tx.db, mid, needId);
    if (!need) throw new AppError('internal');
    return loadNeedView(tx, need);
  });
}
