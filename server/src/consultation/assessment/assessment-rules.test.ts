import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/http/errors.js';
import { answerProblems, definitionProblems, validateAnswers } from './assessment-rules.js';
import { DEFAULT_DEFINITION } from './default-question-set.js';
import { type Definition, QuestionSetDefinition } from './question-set.schema.js';

const def: Definition = {
  sections: [
    {
      code: 'work',
      title: '就労',
      questions: [
        { code: 'employment_status', label: '就労状況', type: 'single', nationalReport: true, options: [{ code: 'regular', label: '正規' }, { code: 'unemployed', label: '無職' }] },
        { code: 'out_of_work', label: '離職期間1年以上', type: 'check', nationalReport: false },
      ],
    },
    {
      code: 'money',
      title: '家計・金銭',
      questions: [
        { code: 'arrears', label: '滞納', type: 'multi', nationalReport: false, options: [{ code: 'tax', label: '税' }, { code: 'rent', label: '家賃' }] },
        { code: 'note', label: 'メモ', type: 'text', nationalReport: false },
      ],
    },
  ],
};

function invalidError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an invalid error');
}

describe('question set definition', () => {
  it('accepts the shipped standard set, with the national-report fields flagged', () => {
    expect(definitionProblems(DEFAULT_DEFINITION)).toEqual([]);
    expect(QuestionSetDefinition.safeParse(DEFAULT_DEFINITION).success).toBe(true);
    expect(DEFAULT_DEFINITION.sections.map((s) => s.title)).toEqual(['就労', '住まい', '健康保険', '年金', '健康', '障害', '家族', '家計・金銭', '日常生活']);
    const flagged = DEFAULT_DEFINITION.sections.flatMap((s) => s.questions.filter((q) => q.nationalReport).map((q) => q.code));
    for (const code of ['employment_status', 'housing_loss_risk', 'health_insurance', 'pension_status', 'disability_certificate', 'withdrawal_period']) expect(flagged).toContain(code);
    for (const s of DEFAULT_DEFINITION.sections) expect(s.questions.length).toBeGreaterThanOrEqual(4);
  });

  it('refuses duplicate section, question and option codes, and choices without options', () => {
    const bad: Definition = {
      sections: [
        { code: 'a', title: 'A', questions: [{ code: 'q1', label: '質問1', type: 'single', nationalReport: false, options: [{ code: 'x', label: 'X' }, { code: 'x', label: 'X2' }] }] },
        {
          code: 'a',
          title: 'B',
          questions: [
            { code: 'q1', label: '質問2', type: 'check', nationalReport: false },
            { code: 'q3', label: '質問3', type: 'multi', nationalReport: false },
            { code: 'q4', label: '質問4', type: 'text', nationalReport: false, options: [{ code: 'y', label: 'Y' }] },
          ],
        },
      ],
    };
    const problems = definitionProblems(bad);
    expect(problems.map((p) => p.path.join('.'))).toEqual([
      'sections.0.questions.0.options.1.code',
      'sections.1.code',
      'sections.1.questions.0.code',
      'sections.1.questions.1.options',
      'sections.1.questions.2.options',
    ]);
    expect(problems.map((p) => p.message).join('\n')).toMatch(/質問3」には選択肢を2つ以上/);
    const parsed = QuestionSetDefinition.safeParse(bad);
    expect(parsed.success).toBe(false);
  });

  it('refuses codes that are not lower-case ASCII identifiers', () => {
    const parsed = QuestionSetDefinition.safeParse({ sections: [{ code: '就労', title: '就労', questions: [{ code: 'a', label: 'a', type: 'check', nationalReport: false }] }] });
    expect(parsed.success).toBe(false);
  });
});

describe('answers against the pinned version', () => {
  it('accepts answers of the right type, and drops unanswered items', () => {
    const saved = validateAnswers(def, { employment_status: 'unemployed', out_of_work: true, arrears: ['tax', 'rent'], note: '  面談で確認  ' });
    expect(saved).toEqual({ employment_status: 'unemployed', out_of_work: true, arrears: ['tax', 'rent'], note: '面談で確認' });
    expect(validateAnswers(def, { employment_status: '', arrears: [], note: null })).toEqual({});
  });

  it('names the question in Japanese for a wrong type', () => {
    expect(invalidError(() => validateAnswers(def, { out_of_work: 'はい' })).message).toBe('「離職期間1年以上」の回答は「はい／いいえ」（チェック）で指定してください。');
    expect(invalidError(() => validateAnswers(def, { employment_status: ['regular'] })).message).toBe('「就労状況」の回答は選択肢から1つ選んでください。');
    expect(invalidError(() => validateAnswers(def, { arrears: 'tax' })).message).toMatch(/^「滞納」/);
    expect(invalidError(() => validateAnswers(def, { note: 3 })).message).toMatch(/^「メモ」/);
  });

  it('refuses unknown option codes, duplicates and unknown questions', () => {
    expect(invalidError(() => validateAnswers(def, { employment_status: 'student' })).message).toBe('「就労状況」に選択肢にない回答が含まれています。');
    expect(invalidError(() => validateAnswers(def, { arrears: ['tax', 'tax'] })).message).toMatch(/重複/);
    const err = invalidError(() => validateAnswers(def, { housing_type: 'owned', out_of_work: 1 }));
    expect(err.code).toBe('invalid');
    expect(err.message).toMatch(/（ほか1件）$/);
    expect((err.details as { fields: Array<{ path: string }> }).fields.map((f) => f.path)).toEqual(['answers.housing_type', 'answers.out_of_work']);
  });

  it('lists every problem at once', () => {
    const problems = answerProblems(def, { a: true, b: true, employment_status: 'x' });
    expect(problems).toHaveLength(3);
  });
});
