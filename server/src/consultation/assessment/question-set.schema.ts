/**
 * インテーク・アセスメント質問票の定義形式 (municipal configuration, versioned).
 * `{ sections: [{ code, title, questions: [{ code, label, type, options?, nationalReport, help? }] }] }`
 * The object shapes are plain Zod; the cross-field rules (unique codes, options for single/multi)
 * are the pure rules in assessment-rules.ts, applied by `QuestionSetDefinition`.
 */
import { z } from 'zod';
import { definitionProblems } from './assessment-rules.js';

export const QUESTION_TYPES = ['check', 'single', 'multi', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const CODE_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
const Code = z.string().regex(CODE_PATTERN, 'コードは半角英小文字で始まり、半角英小文字・数字・_ の40文字以内で指定してください。');
const Label = z.string().trim().min(1).max(200);

export const QuestionOptionSchema = z.object({ code: Code, label: Label }).strict();
export const QuestionSchema = z
  .object({
    code: Code,
    label: Label,
    type: z.enum(QUESTION_TYPES),
    options: z.array(QuestionOptionSchema).max(40).optional(),
    nationalReport: z.boolean(),
    help: z.string().trim().max(500).optional(),
  })
  .strict();
export const SectionSchema = z.object({ code: Code, title: Label, questions: z.array(QuestionSchema).min(1).max(80) }).strict();

/** Shape only (also used for responses, where stored definitions were validated when published). */
export const DefinitionShape = z.object({ sections: z.array(SectionSchema).min(1).max(40) }).strict();

/** A definition as accepted for publishing: shape plus the cross-field rules, with Japanese messages. */
export const QuestionSetDefinition = DefinitionShape.superRefine((definition, ctx) => {
  for (const p of definitionProblems(definition)) ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
});

export type QuestionOption = z.infer<typeof QuestionOptionSchema>;
export type Question = z.infer<typeof QuestionSchema>;
export type Section = z.infer<typeof SectionSchema>;
export type Definition = z.infer<typeof DefinitionShape>;

export type AnswerValue = boolean | string | string[];
export type Answers = Record<string, AnswerValue>;

/** Response shape of stored answers. */
export const AnswersShape = z.record(z.string(), z.union([z.boolean(), z.string(), z.array(z.string())]));
