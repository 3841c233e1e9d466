/**
 * One state change of a referral, shared by the sender's and the receiver's use cases: authorize,
 * check side and state with the state machine, update with optimistic concurrency, append the
 * history event and the audit event in the same transaction.
 */
import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import type { ReferralTable } from '../platform/db/schema.js';
import { AppError } from '../platform/http/errors.js';
import { appendReferralEvent, loadReferral, loadReferralSettings, referralRecordFacts } from './referral.repo.js';
import { checkTransition, FINAL_STATUSES, type ReferralAction, TRANSITIONS } from './referral-states.js';
import { type ReferralView, sidesOf, toReferralView } from './referral-view.js';

type ReferralUpdate = Partial<{ [K in 'reject_reason' | 'outcome_note' | 'need_met' | 'consent_id' | 'consent_consultation_id' | 'override_reason' | 'override_by_user_id' | 'override_at']: ReferralTable[K] }>;

export interface TransitionInput {
  version: number;
  note?: string | null | undefined;
  set?: ReferralUpdate;
  /** Runs after the checks, before the update (e.g. the consent check when sending). */
  before?: (tx: Ctx, loaded: NonNullable<Awaited<ReturnType<typeof loadReferral>>>) => Promise<ReferralUpdate | undefined>;
}

const STATE_MESSAGES: Record<ReferralAction, string> = {
  send: '下書きのつなぎだけを送れます。',
  cancel: 'すでに終了したつなぎは取り消せません。',
  accept: '依頼中のつなぎだけを受理できます。',
  reject: '依頼中のつなぎだけを受理しないにできます。',
  start: '受理したつなぎだけ対応を開始できます。',
  hold: 'この状態からは保留にできません。',
  resume: '保留中のつなぎだけ再開できます。',
  complete: '対応中のつなぎだけ完了にできます。',
  fail: '対応中のつなぎだけ不成立にできます。',
};

export async function transitionReferral(tx: Ctx, referralId: string, action: ReferralAction, input: TransitionInput): Promise<ReferralView> {
  const mid = tx.actor.municipalityId;
  const basis = authorize(tx, 'update', await referralRecordFacts(tx.db, mid, referralId));
  const loaded = await loadReferral(tx.db, mid, referralId);
  if (!loaded) throw new AppError('not_found');
  const { row } = loaded;
  if (row.version !== input.version) throw new AppError('conflict');
  const sides = sidesOf(tx.actor, row);
  const check = checkTransition(action, row.status, sides);
  if (!check.ok) {
    if (check.problem === 'wrong_side') throw new AppError('forbidden', undefined, TRANSITIONS[action].side === 'sender' ? 'この操作は紹介元の機関だけができます。' : 'この操作は紹介先の機関だけができます。');
    throw new AppError('conflict', undefined, STATE_MESSAGES[action]);
  }
  const extra = (await input.before?.(tx, loaded)) ?? {};
  const answering = action === 'accept' || action === 'reject';
  const r = await tx.db
    .updateTable('referral')
    .set((eb) => ({
      ...input.set,
      ...extra,
      status: check.to,
      ...(action === 'send' ? { requested_at: tx.now } : {}),
      ...(answering ? { responded_at: tx.now } : {}),
      ...(FINAL_STATUSES.includes(check.to) ? { closed_at: tx.now } : {}),
      updated_at: tx.now,
      version: eb('version', '+', 1),
    }))
    .where('municipality_id', '=', mid)
    .where('referral_id', '=', referralId)
    .where('version', '=', input.version)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw new AppError('conflict');
  const agencyId = TRANSITIONS[action].side === 'sender' ? row.from_agency_id : row.to_agency_id;
  await appendReferralEvent(tx.db, { municipalityId: mid, referralId, from: row.status, to: check.to, at: tx.now, userId: tx.actor.userId, agencyId, note: input.note ?? null });
  await audit(tx, { action: `referral.${action}`, targetType: 'referral', targetId: referralId, basis, details: { from: row.status, to: check.to } });
  if (extra.override_reason) {
    await audit(tx, { action: 'referral.consent_override', targetType: 'referral', targetId: referralId, basis: '同意なし送付（理由を記録）', details: { toAgencyId: row.to_agency_id } });
  }
  return toReferralView((await loadReferral(tx.db, mid, referralId))!, tx.actor, await loadReferralSettings(tx.db, mid), tx.now);
}
