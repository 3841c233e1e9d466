/** Who reads and who changes 計画と目標: aggregates to read (市町村管理者, 多機関協働), municipal configuration to change (市町村管理者). */
import { authorize } from '../../platform/access/authorize.js';
import { can } from '../../platform/access/policy.js';
import type { Ctx } from '../../platform/context.js';

export function authorizeTargetsRead(ctx: Ctx, auditAction: string, id?: string): string {
  return authorize(ctx, 'read', { kind: 'aggregate', municipalityId: ctx.actor.municipalityId, ...(id ? { id } : {}) }, { auditAction });
}

export function authorizeTargetsWrite(ctx: Ctx, auditAction: string, id?: string): string {
  return authorize(ctx, 'update', { kind: 'municipal_config', municipalityId: ctx.actor.municipalityId, ...(id ? { id } : {}) }, { auditAction });
}

export function canEditTargets(ctx: Ctx): boolean {
  return can(ctx.actor, 'update', { kind: 'municipal_config', municipalityId: ctx.actor.municipalityId }, { now: ctx.now }).allowed;
}
