import { authorize } from '../../platform/access/authorize.js';
import { audit } from '../../platform/audit/record-audit.js';
import type { Ctx } from '../../platform/context.js';
import { newId } from '../../platform/db/ids.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/http/errors.js';
import { assertDefinition } from './assessment-rules.js';
import { latestQuestionSet } from './assessment.repo.js';
import { type QuestionSetView, toQuestionSetView } from './assessment-view.js';
import type { Definition } from './question-set.schema.js';

export interface PublishQuestionSetInput {
  title: string;
  definition: Definition;
  /** The version the editor started from (0 for a new set): anything else is a stale edit. */
  basedOnVersion: number;
}

/**
 * 新しい版として公開 (市町村管理者): a new version = latest + 1. Published versions are never changed,
 * so assessments answered against an earlier version keep rendering it.
 */
export async function publishQuestionSet(ctx: Ctx, code: string, input: PublishQuestionSetInput): Promise<QuestionSetView> {
  assertDefinition(input.definition);
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const target = `assessment_question_set:${code}`;
    const basis = authorize(tx, 'update', { kind: 'municipal_config', municipalityId: mid, id: target });
    const latest = await latestQuestionSet(tx.db, mid, code);
    if ((latest?.version ?? 0) !== input.basedOnVersion) throw new AppError('conflict');
    const version = input.basedOnVersion + 1;
    const questionSetId = newId();
    // Two administrators publishing from the same version: the unique (code, version) lets one win.
    const inserted = await tx.db
      .insertInto('assessment_question_set')
      .values({
        municipality_id: mid,
        question_set_id: questionSetId,
        code,
        version,
        title: input.title,
        definition: JSON.stringify(input.definition),
        published_at: tx.now,
        published_by_user_id: tx.actor.userId,
      })
      .onConflict((oc) => oc.columns(['municipality_id', 'code', 'version']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) throw new AppError('conflict');
    const questions = input.definition.sections.reduce((n, s) => n + s.questions.length, 0);
    await audit(tx, { action: 'assessment_question_set.publish', targetType: 'municipal_config', targetId: target, basis, details: { questionSetId, version, sections: input.definition.sections.length, questions } });
    return toQuestionSetView({ question_set_id: questionSetId, code, version, title: input.title, definition: input.definition, published_at: tx.now });
  });
}
