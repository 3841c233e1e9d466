/**
 * 交付金 and 経費按分 are municipal configuration (access kind `municipal_config`,
 * municipal-config.policy.ts): 市町村管理者 (and システム管理者) read and update; everyone else is refused.
 */
import { authorize } from '../platform/access/authorize.js';
import type { Ctx } from '../platform/context.js';

export function authorizeFunding(ctx: Ctx, action: 'read' | 'update', auditAction: string, id?: string): string {
  return authorize(ctx, action, { kind: 'municipal_config', municipalityId: ctx.actor.municipalityId, ...(id ? { id } : {}) }, { auditAction });
}
