import { authorize } from '../platform/access/authorize.js';
import type { Action } from '../platform/access/index.js';
import type { Ctx } from '../platform/context.js';
import { AppError } from '../platform/http/errors.js';
import { type NeedRow, needFacts } from './need.repo.js';

/** Loads a need for `action` through the policy: the need and the basis label for the audit event. */
export async function loadNeedFor(tx: Ctx, needId: string, action: Action, auditAction: string): Promise<{ need: NeedRow; basis: string }> {
  const { need, facts } = await needFacts(tx.db, tx.actor.municipalityId, needId);
  const basis = authorize(tx, action, facts, { auditAction });
  if (!need) throw new AppError('not_found');
  return { need, basis };
}

/** Changes need a need that is still open (支援中). */
export function assertNeedActive(need: NeedRow) {
  if (need.status !== 'active') throw new AppError('invalid', { fields: [{ path: 'status', message: '終了した参加支援は変更できません。' }] });
}
