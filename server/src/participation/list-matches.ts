import { isoDayInJapan } from '../consultation/japanese/japanese-date.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { hostCandidates, loadVocabulary, serviceCandidates } from './candidates.repo.js';
import { rankMatches } from './matching.js';
import { loadNeedFor } from './need-access.js';
import { constraintsOf } from './need-view.js';

/**
 * 候補の提案: active directory services and registered 協力事業者 ranked against the need, each with
 * the reasons in Japanese; those excluded (年齢, 満員) are listed apart with theirs. Audited as a read.
 */
export async function listMatches(ctx: Ctx, needId: string) {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const { need, basis } = await loadNeedFor(tx, needId, 'read', 'participation.matches');
    const constraints = constraintsOf(need, isoDayInJapan(tx.now));
    const vocab = await loadVocabulary(tx.db, mid);
    const candidates = [...(await serviceCandidates(tx.db, mid, { activeOnly: true })), ...(await hostCandidates(tx.db, mid, { registeredOnly: true }))];
    const ranked = rankMatches(constraints, candidates, vocab);
    await audit(tx, {
      action: 'participation.matches',
      targetType: 'participation',
      targetId: needId,
      basis,
      details: { candidates: candidates.length, matches: ranked.matches.length, excluded: ranked.excluded.length },
    });
    return { age: constraints.age, ...ranked };
  });
}
