/**
 * The 地域づくり records are of access kind `directory` (places, activities and counts: no personal
 * data): staff read; 多機関協働・アウトリーチ/参加支援員・市町村管理者 write (directory.policy.ts).
 */
import { authorize } from '../platform/access/authorize.js';
import { can } from '../platform/access/policy.js';
import type { Action } from '../platform/access/policy.types.js';
import { japanDate } from '../platform/access/relationships.js';
import type { Ctx } from '../platform/context.js';

export function authorizeDirectory(ctx: Ctx, action: Action, auditAction: string, id?: string): string {
  return authorize(ctx, action, { kind: 'directory', municipalityId: ctx.actor.municipalityId, ...(id ? { id } : {}) }, { auditAction });
}

/** May the actor change 地域づくり records (for the screens' edit buttons; the use cases decide again)? */
export function canKeep(ctx: Ctx): boolean {
  return can(ctx.actor, 'update', { kind: 'directory', municipalityId: ctx.actor.municipalityId }, { now: ctx.now }).allowed;
}

/** Today in Japan (YYYY-MM-DD). */
export function todayOf(ctx: Ctx): string {
  const today = japanDate(ctx.now);
  if (!today) throw new RangeError('invalid clock');
  return today;
}
