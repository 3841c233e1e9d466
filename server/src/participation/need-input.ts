/** The wishes and constraints of a need as entered, and the checks that need the database. */
import { caseFacts } from '../consultation/case.repo.js';
import { authorize } from '../platform/access/authorize.js';
import type { Ctx } from '../platform/context.js';
import { AppError } from '../platform/http/errors.js';
import { loadVocabulary } from './candidates.repo.js';
import type { NeedCode, Weekday } from './participation-codes.js';

export interface NeedFieldsInput {
  caseId?: string | null | undefined;
  wishCodes: string[];
  personWords?: string | undefined;
  preferredAreaIds?: string[] | undefined;
  availableDays?: Weekday[] | undefined;
  availableFrom?: string | null | undefined;
  availableTo?: string | null | undefined;
  needCodes?: NeedCode[] | undefined;
  needsNote?: string | undefined;
  startWishOn?: string | null | undefined;
  acceptsWaitlist?: boolean | undefined;
}

type Field = { path: string; message: string };
export const invalid = (path: string, message: string) => new AppError('invalid', { fields: [{ path, message }] });

/** Checked columns of participation_need from the input (codes and areas must exist, times in order). */
export async function checkedNeedFields(tx: Ctx, personId: string, input: NeedFieldsInput) {
  const mid = tx.actor.municipalityId;
  const vocab = await loadVocabulary(tx.db, mid);
  const fields: Field[] = [];
  const wishCodes = [...new Set(input.wishCodes)];
  if (wishCodes.length === 0) fields.push({ path: 'wishCodes', message: '希望を1つ以上選んでください。' });
  if (wishCodes.some((c) => !vocab.wishes.some((w) => w.code === c))) fields.push({ path: 'wishCodes', message: '希望は一覧から選んでください。' });
  const areaIds = [...new Set(input.preferredAreaIds ?? [])];
  if (areaIds.some((a) => !vocab.areas.some((x) => x.id === a))) fields.push({ path: 'preferredAreaIds', message: '圏域は一覧から選んでください。' });
  const from = input.availableFrom ?? null;
  const to = input.availableTo ?? null;
  if (from && to && from >= to) fields.push({ path: 'availableTo', message: '終わりの時刻は始まりより後にしてください。' });
  if (fields.length > 0) throw new AppError('invalid', { fields });
  const caseId = input.caseId ?? null;
  if (caseId) await checkCase(tx, personId, caseId);
  return {
    case_id: caseId,
    wish_codes: wishCodes,
    person_words: input.personWords?.trim() ?? '',
    preferred_area_ids: areaIds,
    available_days: [...new Set(input.availableDays ?? [])],
    available_from: from,
    available_to: to,
    need_codes: [...new Set(input.needCodes ?? [])],
    needs_note: input.needsNote?.trim() ?? '',
    start_wish_on: input.startWishOn ?? null,
    accepts_waitlist: input.acceptsWaitlist ?? false,
  };
}

/**
 * A need may hang on an open case of a household the person lives in now, and only one the actor
 * may read: its 支援チーム will see the need.
 */
async function checkCase(tx: Ctx, personId: string, caseId: string) {
  const mid = tx.actor.municipalityId;
  const facts = await caseFacts(tx.db, mid, caseId);
  authorize(tx, 'read', facts ?? { kind: 'case', municipalityId: mid, id: caseId }, { auditAction: 'participation.case_link' });
  const row = await tx.db
    .selectFrom('support_case as c')
    .innerJoin('household_membership as m', (j) => j.onRef('m.municipality_id', '=', 'c.municipality_id').onRef('m.household_id', '=', 'c.household_id'))
    .select('c.case_id')
    .where('c.municipality_id', '=', mid)
    .where('c.case_id', '=', caseId)
    .where('c.status', '=', 'open')
    .where('m.person_id', '=', personId)
    .where('m.left_on', 'is', null)
    .executeTakeFirst();
  if (!row) throw invalid('caseId', 'ケースは、本人が属する世帯の継続中のケースから選んでください。');
}
