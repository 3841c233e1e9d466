import { AppError } from '../platform/http/errors.js';

export interface IntakeShape {
  personId?: string | null | undefined;
  anonymous?: boolean | undefined;
  categories: readonly string[];
  primaryCategory?: string | null | undefined;
  visitor: { kind: 'self' | 'other'; relationship?: string | null | undefined };
}

type FieldError = { path: string; message: string };

/**
 * Rules of the 相談受付・申込票 beyond field types: ◎ must be one of the ○ items, an anonymous
 * consultation names no person, and someone other than the person says who they are to them.
 * Returns every problem at once so the form can show them all.
 */
export function intakeProblems(input: IntakeShape): FieldError[] {
  const problems: FieldError[] = [];
  if (input.primaryCategory && !input.categories.includes(input.primaryCategory)) {
    problems.push({ path: 'primaryCategory', message: '◎（主訴）は○を付けた項目から選んでください。' });
  }
  if (input.anonymous && input.personId) {
    problems.push({ path: 'anonymous', message: '匿名の相談には本人を指定できません。' });
  }
  if (input.visitor.kind === 'other' && !input.visitor.relationship?.trim()) {
    problems.push({ path: 'visitor.relationship', message: '本人以外の方からの相談では、本人との関係を入力してください。' });
  }
  if (new Set(input.categories).size !== input.categories.length) {
    problems.push({ path: 'categories', message: '同じ項目が重複しています。' });
  }
  return problems;
}

export function assertIntake(input: IntakeShape): void {
  const problems = intakeProblems(input);
  if (problems.length > 0) throw new AppError('invalid', { fields: problems });
}
