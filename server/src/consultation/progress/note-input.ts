import type { Ctx } from '../../platform/context.js';
import type { ProgressNoteKind } from '../../platform/db/schema.js';
import { AppError } from '../../platform/http/errors.js';
import { isoDayInJapan } from '../japanese/japanese-date.js';
import { type CaseHeader, isCurrentMember } from './progress-note.repo.js';

/** What a worker writes in one 支援経過記録 (already shaped by the route's Zod schema). */
export interface NoteInput {
  occurredOn: string;
  occurredTime?: string | null | undefined;
  kind: ProgressNoteKind;
  subject: string;
  body: string;
  personId?: string | null | undefined;
  nextAction?: string | null | undefined;
  nextActionDue?: string | null | undefined;
}

export const NOTE_MESSAGES = {
  future: '未来の日付の経過は記録できません。今日までの日付を入力してください。',
  notMember: '対象者はこの世帯の現在の世帯員から選んでください。',
  caseClosed: '終結したケースには経過を記録できません。記録するにはケースを再開してください。',
  notAuthorAgency: '経過記録を修正できるのは、記録した機関の職員だけです。',
} as const;

/**
 * Rules the schema cannot check: the day is not after today (Japan time), and the person the entry is
 * about is a current member of the case's household (`keepPersonId`: unchanged on an edit, allowed
 * even if they have since left).
 */
export async function checkNoteInput(ctx: Ctx, kase: CaseHeader, input: NoteInput, keepPersonId?: string | null) {
  const fields: Array<{ path: string; message: string }> = [];
  if (input.occurredOn > isoDayInJapan(ctx.now)) fields.push({ path: 'occurredOn', message: NOTE_MESSAGES.future });
  const personId = input.personId ?? null;
  if (personId && personId !== keepPersonId && !(await isCurrentMember(ctx.db, ctx.actor.municipalityId, kase.household_id, personId))) {
    fields.push({ path: 'personId', message: NOTE_MESSAGES.notMember });
  }
  if (fields.length > 0) throw new AppError('invalid', { fields });
}

/** Columns written from the input (create and update alike). */
export function noteColumns(input: NoteInput) {
  return {
    occurred_on: input.occurredOn,
    occurred_time: input.occurredTime ?? null,
    kind: input.kind,
    subject: input.subject,
    body: input.body,
    person_id: input.personId ?? null,
    next_action: input.nextAction ?? null,
    next_action_due: input.nextActionDue ?? null,
  };
}
