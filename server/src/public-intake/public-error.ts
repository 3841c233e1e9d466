import type { PublicLanguage } from '../platform/db/schema-public-intake.js';
import { AppError, type ErrorCode } from '../platform/http/errors.js';
import { type FormReason, publicMessage } from './public-messages.js';
import type { FieldProblem } from './submission-rules.js';

/** An error of the public form, in the resident's language, with a reason code for the page. */
export function publicError(code: ErrorCode, lang: PublicLanguage, reason: FormReason, problems: FieldProblem[] = []): AppError {
  const fields = problems.map((p) => ({ path: p.path, reason: p.reason, message: publicMessage(lang, p.reason) }));
  return new AppError(code, { reason, ...(fields.length ? { fields } : {}) }, publicMessage(lang, reason));
}
