import { isoDayInJapan } from '../consultation/japanese/japanese-date.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { newId } from '../platform/db/ids.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { hostCandidates, loadVocabulary, serviceCandidates } from './candidates.repo.js';
import { scoreCandidate } from './matching.js';
import { findNeed } from './need.repo.js';
import { assertNeedActive, loadNeedFor } from './need-access.js';
import { invalid } from './need-input.js';
import { constraintsOf, loadNeedView, type NeedView } from './need-view.js';
import { followupsFor } from './participation-rules.js';

export interface PlaceInput {
  targetKind: 'service' | 'host';
  targetId: string;
  startOn: string;
  hostContact?: string | null | undefined;
}

/** Locks the service or host row so two placements cannot take its last place at once. */
async function lockTarget(tx: Ctx, input: PlaceInput) {
  const mid = tx.actor.municipalityId;
  if (input.targetKind === 'service') {
    const row = await tx.db.selectFrom('resource_service').select('service_id').where('municipality_id', '=', mid).where('service_id', '=', input.targetId).forUpdate().executeTakeFirst();
    if (!row) throw invalid('targetId', '受け入れ先が見つかりません。');
    return (await serviceCandidates(tx.db, mid, { serviceIds: [input.targetId], activeOnly: false }))[0]!;
  }
  const row = await tx.db.selectFrom('participation_host').select('host_id').where('municipality_id', '=', mid).where('host_id', '=', input.targetId).forUpdate().executeTakeFirst();
  if (!row) throw invalid('targetId', '受け入れ先が見つかりません。');
  return (await hostCandidates(tx.db, mid, { hostIds: [input.targetId], registeredOnly: false }))[0]!;
}

/**
 * 受け入れを決める: the chosen active service or registered 協力事業者 takes the person from the start
 * date; the placement holds one of its places (受入枠) and the 定着支援 follow-ups (1週間後・1か月後・
 * 3か月後) are generated. The reasons shown when it was chosen are kept with it.
 */
export async function placePerson(ctx: Ctx, needId: string, input: PlaceInput): Promise<NeedView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const { need, basis } = await loadNeedFor(tx, needId, 'update', 'participation.place');
    assertNeedActive(need);
    const target = await lockTarget(tx, input);
    if (!target.active) {
      throw invalid('targetId', input.targetKind === 'service' ? '休止・廃止中のサービスには受け入れを決められません。' : '協力事業者として登録された事業者を選んでください。');
    }
    if (target.capacity !== null && target.placed >= target.capacity) throw invalid('targetId', '受入枠に空きがありません。');
    const duplicate = await tx.db
      .selectFrom('participation_placement')
      .select('placement_id')
      .where('municipality_id', '=', mid)
      .where('need_id', '=', needId)
      .where(input.targetKind === 'service' ? 'service_id' : 'host_id', '=', input.targetId)
      .where('status', 'in', ['arranging', 'active'])
      .executeTakeFirst();
    if (duplicate) throw new AppError('duplicate', undefined, 'この受け入れ先での受け入れはすでに調整中または利用中です。');
    const today = isoDayInJapan(tx.now);
    const match = scoreCandidate(constraintsOf(need, today), target, await loadVocabulary(tx.db, mid));
    const placementId = newId();
    await tx.db
      .insertInto('participation_placement')
      .values({
        municipality_id: mid,
        placement_id: placementId,
        need_id: needId,
        service_id: input.targetKind === 'service' ? input.targetId : null,
        host_id: input.targetKind === 'host' ? input.targetId : null,
        start_on: input.startOn,
        host_contact: input.hostContact?.trim() || null,
        status: 'arranging',
        match_reasons: match?.reasons.map((r) => r.text) ?? [],
        created_by_user_id: tx.actor.userId,
        created_at: tx.now,
        updated_at: tx.now,
      })
      .execute();
    const followups = followupsFor(input.startOn);
    await tx.db
      .insertInto('participation_followup')
      .values(followups.map((f) => ({ municipality_id: mid, followup_id: newId(), placement_id: placementId, label: f.label, due_on: f.dueOn, created_at: tx.now, updated_at: tx.now })))
      .execute();
    await audit(tx, {
      action: 'participation.place',
      targetType: 'participation',
      targetId: needId,
      basis,
      details: { placementId, targetKind: input.targetKind, targetId: input.targetId, startOn: input.startOn, followups: followups.length },
    });
    return loadNeedView(tx, (await findNeed(tx.db, mid, needId))!);
  });
}
