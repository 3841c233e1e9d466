/** SQL of the インテーク・アセスメント: question set versions and the one assessment per consultation. */
import type { DbHandle } from '../../platform/db/database.js';
import type { Definition } from './question-set.schema.js';

const QUESTION_SET_COLUMNS = ['q.question_set_id', 'q.code', 'q.version', 'q.title', 'q.definition', 'q.published_at'] as const;

export interface QuestionSetRow {
  question_set_id: string;
  code: string;
  version: number;
  title: string;
  definition: Definition;
  published_at: Date;
}

/** Stored definitions were validated when published; the jsonb comes back parsed. */
const typed = <T extends { definition: unknown }>(row: T | undefined) => (row ? { ...row, definition: row.definition as Definition } : undefined);

export async function latestQuestionSet(db: DbHandle, municipalityId: string, code: string): Promise<QuestionSetRow | undefined> {
  const row = await db
    .selectFrom('assessment_question_set as q')
    .select(QUESTION_SET_COLUMNS)
    .where('q.municipality_id', '=', municipalityId)
    .where('q.code', '=', code)
    .orderBy('q.version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return typed(row);
}

export async function questionSetVersion(db: DbHandle, municipalityId: string, code: string, version: number): Promise<QuestionSetRow | undefined> {
  const row = await db
    .selectFrom('assessment_question_set as q')
    .select(QUESTION_SET_COLUMNS)
    .where('q.municipality_id', '=', municipalityId)
    .where('q.code', '=', code)
    .where('q.version', '=', version)
    .executeTakeFirst();
  return typed(row);
}

export async function questionSetById(db: DbHandle, municipalityId: string, questionSetId: string): Promise<QuestionSetRow | undefined> {
  const row = await db
    .selectFrom('assessment_question_set as q')
    .select(QUESTION_SET_COLUMNS)
    .where('q.municipality_id', '=', municipalityId)
    .where('q.question_set_id', '=', questionSetId)
    .executeTakeFirst();
  return typed(row);
}

/** Every published version (without definitions), newest first within each code. */
export async function questionSetVersions(db: DbHandle, municipalityId: string) {
  return db
    .selectFrom('assessment_question_set as q')
    .innerJoin('app_user as u', (j) => j.onRef('u.municipality_id', '=', 'q.municipality_id').onRef('u.user_id', '=', 'q.published_by_user_id'))
    .select(['q.code', 'q.version', 'q.title', 'q.published_at', 'u.display_name'])
    .where('q.municipality_id', '=', municipalityId)
    .orderBy('q.code')
    .orderBy('q.version', 'desc')
    .execute();
}

/** The assessment of a consultation, with who wrote it for which agency. */
export async function loadAssessment(db: DbHandle, municipalityId: string, consultationId: string) {
  return db
    .selectFrom('assessment as s')
    .innerJoin('agency as a', (j) => j.onRef('a.municipality_id', '=', 's.municipality_id').onRef('a.agency_id', '=', 's.author_agency_id'))
    .innerJoin('app_user as u', (j) => j.onRef('u.municipality_id', '=', 's.municipality_id').onRef('u.user_id', '=', 's.author_user_id'))
    .select(['s.assessment_id', 's.question_set_id', 's.answers', 's.assessed_on', 's.updated_at', 's.version', 'a.name as agency_name', 'u.display_name'])
    .where('s.municipality_id', '=', municipalityId)
    .where('s.consultation_id', '=', consultationId)
    .executeTakeFirst();
}
