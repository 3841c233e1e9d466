import { authorize } from '../../platform/access/authorize.js';
import { audit } from '../../platform/audit/record-audit.js';
import type { Ctx } from '../../platform/context.js';
import { newId } from '../../platform/db/ids.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/http/errors.js';
import { consultationFacts } from '../consultation.repo.js';
import { parseJapaneseDate } from '../japanese/japanese-date.js';
import { validateAnswers } from './assessment-rules.js';
import { latestQuestionSet, questionSetById } from './assessment.repo.js';
import { type AssessmentPayload, assessmentPayload } from './assessment-view.js';
import { INTAKE_CODE } from './default-question-set.js';

export interface SaveAssessmentInput {
  /** 和暦 or 西暦. */
  assessedOn: string;
  answers: Record<string, unknown>;
  /** The version the worker edited; absent for the first save. */
  version?: number | null | undefined;
  /** Answer again against the latest question set version (最新版で回答し直す). */
  upgradeToLatest?: boolean | undefined;
}

/**
 * アセスメントを保存: the first save pins the LATEST version of the question set; later saves keep the
 * pinned version (so answers keep their meaning) unless the worker chose to upgrade, in which case the
 * answers are validated against the latest version. Optimistic concurrency on `version`.
 */
export async function saveAssessment(ctx: Ctx, consultationId: string, input: SaveAssessmentInput): Promise<AssessmentPayload> {
  const parsed = parseJapaneseDate(input.assessedOn, ctx.now);
  if (!parsed.ok) throw new AppError('invalid', { fields: [{ path: 'assessedOn', message: parsed.message }] }, parsed.message);
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const facts = (await consultationFacts(tx.db, mid, consultationId)) ?? { kind: 'consultation' as const, municipalityId: mid, id: consultationId };
    const basis = authorize(tx, 'update', facts, { auditAction: 'assessment.save' });
    const existing = await tx.db
      .selectFrom('assessment')
      .select(['assessment_id', 'question_set_id', 'version'])
      .where('municipality_id', '=', mid)
      .where('consultation_id', '=', consultationId)
      .executeTakeFirst();
    // The worker's screen must have seen what is stored: a first save with none, an update with its version.
    if ((existing?.version ?? null) !== (input.version ?? null)) throw new AppError('conflict');

    const latest = await latestQuestionSet(tx.db, mid, INTAKE_CODE);
    const pinned = existing && !input.upgradeToLatest ? await questionSetById(tx.db, mid, existing.question_set_id) : latest;
    if (!pinned) throw new AppError('not_found', undefined, 'インテーク・アセスメントの質問票が設定されていません。市町村管理者に連絡してください。');
    const answers = JSON.stringify(validateAnswers(pinned.definition, input.answers));
    // The agency the worker writes for: the receiving agency when they belong to it.
    const agencyId = tx.actor.agencyIds.find((a) => facts.ownerAgencyIds?.includes(a)) ?? tx.actor.agencyIds[0];
    if (!agencyId) throw new AppError('forbidden', undefined, '所属機関がないため保存できません。');
    const row = { question_set_id: pinned.question_set_id, answers, assessed_on: parsed.iso, author_agency_id: agencyId, author_user_id: tx.actor.userId, updated_at: tx.now };

    let assessmentId: string;
    if (existing) {
      assessmentId = existing.assessment_id;
      const updated = await tx.db
        .updateTable('assessment')
        .set((eb) => ({ ...row, version: eb('version', '+', 1) }))
        .where('municipality_id', '=', mid)
        .where('assessment_id', '=', assessmentId)
        .where('version', '=', existing.version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) throw new AppError('conflict');
    } else {
      assessmentId = newId();
      const inserted = await tx.db
        .insertInto('assessment')
        .values({ ...row, municipality_id: mid, assessment_id: assessmentId, consultation_id: consultationId, created_at: tx.now })
        .onConflict((oc) => oc.columns(['municipality_id', 'consultation_id']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) throw new AppError('conflict');
    }
    await audit(tx, {
      action: 'assessment.save',
      targetType: 'consultation',
      targetId: consultationId,
      basis,
      details: { assessmentId, created: !existing, questionSetVersion: pinned.version, upgraded: Boolean(existing && input.upgradeToLatest && existing.question_set_id !== pinned.question_set_id) },
    });
    return assessmentPayload(tx.db, mid, consultationId);
  });
}
