/** Presenters: a question set version, and an assessment with the version it was answered against. */
import type { DbHandle } from '../../platform/db/database.js';
import { type QuestionSetRow, latestQuestionSet, loadAssessment, questionSetById } from './assessment.repo.js';
import { INTAKE_CODE } from './default-question-set.js';
import type { Answers } from './question-set.schema.js';

export function toQuestionSetView(row: QuestionSetRow) {
  return { id: row.question_set_id, code: row.code, version: row.version, title: row.title, definition: row.definition, publishedAt: new Date(row.published_at).toISOString() };
}
export type QuestionSetView = ReturnType<typeof toQuestionSetView>;

export interface AssessmentPayload {
  assessment: null | {
    id: string;
    assessedOn: string;
    answers: Answers;
    version: number;
    questionSet: Pick<QuestionSetView, 'code' | 'version' | 'title' | 'definition'>;
    latestVersion: number;
    authorAgencyName: string;
    authorName: string;
    updatedAt: string;
  };
  latestQuestionSet: QuestionSetView | null;
}

/**
 * What the assessment screen needs: the answers WITH the definition of the pinned version (so an
 * old assessment renders as it was asked), and the latest version (to offer 最新版で回答し直す).
 */
export async function assessmentPayload(db: DbHandle, municipalityId: string, consultationId: string): Promise<AssessmentPayload> {
  const latest = await latestQuestionSet(db, municipalityId, INTAKE_CODE);
  const row = await loadAssessment(db, municipalityId, consultationId);
  if (!row) return { assessment: null, latestQuestionSet: latest ? toQuestionSetView(latest) : null };
  const pinned = (await questionSetById(db, municipalityId, row.question_set_id))!;
  return {
    assessment: {
      id: row.assessment_id,
      assessedOn: row.assessed_on,
      answers: row.answers as Answers,
      version: row.version,
      questionSet: { code: pinned.code, version: pinned.version, title: pinned.title, definition: pinned.definition },
      latestVersion: latest?.version ?? pinned.version,
      authorAgencyName: row.agency_name,
      authorName: row.display_name,
      updatedAt: new Date(row.updated_at).toISOString(),
    },
    latestQuestionSet: latest ? toQuestionSetView(latest) : null,
  };
}
