/**
 * Pure rules of the インテーク・アセスメント: a question set definition is well formed, and answers
 * fit the version they are saved against. Every problem is returned at once, in Japanese, naming
 * the question as the worker reads it on screen.
 */
import { AppError } from '../../platform/http/errors.js';
import type { Answers, AnswerValue, Definition, Question } from './question-set.schema.js';

export interface Problem {
  path: (string | number)[];
  message: string;
}

export const TEXT_ANSWER_MAX = 2000;

/** Cross-field rules of a definition: unique codes, and options exactly where a choice is asked. */
export function definitionProblems(definition: Definition): Problem[] {
  const problems: Problem[] = [];
  const sectionCodes = new Set<string>();
  const questionCodes = new Set<string>();
  definition.sections.forEach((section, s) => {
    if (sectionCodes.has(section.code)) problems.push({ path: ['sections', s, 'code'], message: `区分のコード「${section.code}」が重複しています。` });
    sectionCodes.add(section.code);
    section.questions.forEach((q, i) => {
      const at = ['sections', s, 'questions', i];
      // Answers are keyed by question code, so it must be unique across the whole set.
      if (questionCodes.has(q.code)) problems.push({ path: [...at, 'code'], message: `質問「${q.label}」のコード「${q.code}」が重複しています。` });
      questionCodes.add(q.code);
      const choice = q.type === 'single' || q.type === 'multi';
      if (choice && (q.options?.length ?? 0) < 2) {
        problems.push({ path: [...at, 'options'], message: `質問「${q.label}」には選択肢を2つ以上設定してください。` });
      }
      if (!choice && q.options !== undefined && q.options.length > 0) {
        problems.push({ path: [...at, 'options'], message: `質問「${q.label}」は選択式ではないため、選択肢は設定できません。` });
      }
      const optionCodes = new Set<string>();
      q.options?.forEach((o, k) => {
        if (optionCodes.has(o.code)) problems.push({ path: [...at, 'options', k, 'code'], message: `質問「${q.label}」の選択肢コード「${o.code}」が重複しています。` });
        optionCodes.add(o.code);
      });
    });
  });
  return problems;
}

export function assertDefinition(definition: Definition): void {
  const problems = definitionProblems(definition);
  if (problems.length > 0) throw invalid(problems.map((p) => ({ path: ['definition', ...p.path], message: p.message })));
}

function questionIndex(definition: Definition): Map<string, Question> {
  return new Map(definition.sections.flatMap((s) => s.questions.map((q) => [q.code, q] as const)));
}

function valueProblem(q: Question, value: unknown): string | null {
  const options = new Set((q.options ?? []).map((o) => o.code));
  switch (q.type) {
    case 'check':
      return typeof value === 'boolean' ? null : `「${q.label}」の回答は「はい／いいえ」（チェック）で指定してください。`;
    case 'single':
      if (typeof value !== 'string') return `「${q.label}」の回答は選択肢から1つ選んでください。`;
      return options.has(value) ? null : `「${q.label}」に選択肢にない回答が含まれています。`;
    case 'multi': {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return `「${q.label}」の回答は選択肢から選んでください（複数可）。`;
      if (!value.every((v) => options.has(v))) return `「${q.label}」に選択肢にない回答が含まれています。`;
      return new Set(value).size === value.length ? null : `「${q.label}」で同じ選択肢が重複しています。`;
    }
    case 'text':
      if (typeof value !== 'string') return `「${q.label}」の回答は文章で入力してください。`;
      return value.length <= TEXT_ANSWER_MAX ? null : `「${q.label}」は${TEXT_ANSWER_MAX}文字以内で入力してください。`;
  }
}

/** Empty answers (null, '', []) mean "not answered" and are left out of what is stored. */
export function isUnanswered(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/** Problems of answers against one version's definition: unknown codes, wrong types, unknown options. */
export function answerProblems(definition: Definition, answers: Record<string, unknown>): Problem[] {
  const questions = questionIndex(definition);
  const problems: Problem[] = [];
  for (const [code, value] of Object.entries(answers)) {
    const q = questions.get(code);
    if (!q) {
      problems.push({ path: ['answers', code], message: `質問票にない項目（${code}）への回答が含まれています。画面を再読み込みしてください。` });
      continue;
    }
    if (isUnanswered(value)) continue;
    const message = valueProblem(q, value);
    if (message) problems.push({ path: ['answers', code], message });
  }
  return problems;
}

/** Validated, normalised answers (unanswered items dropped, texts trimmed at the ends), or `invalid`. */
export function validateAnswers(definition: Definition, answers: Record<string, unknown>): Answers {
  const problems = answerProblems(definition, answers);
  if (problems.length > 0) throw invalid(problems);
  const out: Answers = {};
  for (const [code, value] of Object.entries(answers)) {
    if (isUnanswered(value)) continue;
    out[code] = (typeof value === 'string' ? value.trim() : value) as AnswerValue;
  }
  return out;
}

function invalid(problems: Problem[]): AppError {
  const fields = problems.map((p) => ({ path: p.path.join('.'), message: p.message }));
  // The first problem is the headline the screen shows; every problem is in details.fields.
  const message = problems.length === 1 ? problems[0]!.message : `${problems[0]!.message}（ほか${problems.length - 1}件）`;
  return new AppError('invalid', { fields }, message);
}
