/** インテーク・アセスメント and its versioned question sets on the server: types, queries, mutations. */
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export type QuestionType = 'check' | 'single' | 'multi' | 'text';

export interface QuestionOption {
  code: string;
  label: string;
}

export interface Question {
  code: string;
  label: string;
  type: QuestionType;
  options?: QuestionOption[];
  nationalReport: boolean;
  help?: string;
}

export interface Section {
  code: string;
  title: string;
  questions: Question[];
}

export interface Definition {
  sections: Section[];
}

export type AnswerValue = boolean | string | string[];
export type Answers = Record<string, AnswerValue>;

export interface QuestionSetView {
  id: string;
  code: string;
  version: number;
  title: string;
  definition: Definition;
  publishedAt: string;
}

export interface AssessmentView {
  id: string;
  assessedOn: string;
  answers: Answers;
  version: number;
  questionSet: Pick<QuestionSetView, 'code' | 'version' | 'title' | 'definition'>;
  latestVersion: number;
  authorAgencyName: string;
  authorName: string;
  updatedAt: string;
}

export interface AssessmentPayload {
  assessment: AssessmentView | null;
  latestQuestionSet: QuestionSetView | null;
}

export interface SaveAssessmentInput {
  assessedOn: string;
  answers: Answers;
  version?: number | null;
  upgradeToLatest?: boolean;
}

export interface QuestionSetSummary {
  code: string;
  title: string;
  latestVersion: number;
  versions: Array<{ version: number; title: string; publishedAt: string; publishedBy: string }>;
}

const enc = encodeURIComponent;

export const assessmentQueryKey = (consultationId: string) => ['consultations', 'assessment', consultationId] as const;
export const assessmentQueryOptions = (consultationId: string) =>
  queryOptions({
    queryKey: assessmentQueryKey(consultationId),
    queryFn: ({ signal }) => api.get<AssessmentPayload>(`/consultations/${enc(consultationId)}/assessment`, undefined, signal),
    retry: false,
  });

export const saveAssessment = (consultationId: string, body: SaveAssessmentInput) =>
  api.put<AssessmentPayload>(`/consultations/${enc(consultationId)}/assessment`, body);

export const questionSetsQueryKey = ['admin', 'assessment-question-sets'] as const;
export const questionSetsQueryOptions = queryOptions({
  queryKey: questionSetsQueryKey,
  queryFn: ({ signal }) => api.get<{ items: QuestionSetSummary[] }>('/assessment-question-sets', undefined, signal),
  select: (data) => data.items,
});

export const questionSetVersionQueryOptions = (code: string, version: number) =>
  queryOptions({
    queryKey: [...questionSetsQueryKey, code, version] as const,
    queryFn: ({ signal }) => api.get<QuestionSetView>(`/assessment-question-sets/${enc(code)}/versions/${version}`, undefined, signal),
    // A published version never changes.
    staleTime: Number.POSITIVE_INFINITY,
  });

export const publishQuestionSet = (code: string, body: { title: string; definition: Definition; basedOnVersion: number }) =>
  api.post<QuestionSetView>(`/assessment-question-sets/${enc(code)}/versions`, body);

/** Answers that still fit another version's questions (carried over by 最新版で回答し直す). */
export function carryOver(definition: Definition, answers: Answers): Answers {
  const out: Answers = {};
  for (const q of definition.sections.flatMap((s) => s.questions)) {
    const value = answers[q.code];
    if (value === undefined) continue;
    const options = new Set((q.options ?? []).map((o) => o.code));
    const fits =
      (q.type === 'check' && typeof value === 'boolean') ||
      (q.type === 'text' && typeof value === 'string') ||
      (q.type === 'single' && typeof value === 'string' && options.has(value)) ||
      (q.type === 'multi' && Array.isArray(value) && value.every((v) => options.has(v)));
    if (fits) out[q.code] = value;
  }
  return out;
}
