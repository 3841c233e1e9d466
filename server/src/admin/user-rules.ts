import { hasRole, type Role } from '../platform/access/actor.js';
import type { Ctx } from '../platform/context.js';
import { AppError } from '../platform/http/errors.js';
import { unknownAgencies } from './user.repo.js';

/** Only a system administrator may grant or take away the system administrator role. */
export function assertMayAssignRoles(ctx: Ctx, roles: readonly Role[], previous: readonly string[] = []) {
  const touchesSystemAdmin = roles.includes('system_admin') !== previous.includes('system_admin');
  if (touchesSystemAdmin && !hasRole(ctx.actor, 'system_admin')) {
    throw new AppError('forbidden', undefined, 'システム管理者の役割を付与・解除できるのはシステム管理者だけです。');
  }
}

/** Staff roles work for an agency; a user with such a role must belong to at least one. */
export function assertAgencyNeeded(roles: readonly Role[], agencyIds: readonly string[]) {
  const needsAgency = roles.some((r) => r === 'caseworker' || r === 'coordinator' || r === 'outreach_worker');
  if (needsAgency && agencyIds.length === 0) {
    throw new AppError('invalid', { fields: [{ path: 'agencyIds', message: '相談支援の役割には所属機関が必要です。' }] });
  }
}

export async function assertAgenciesExist(ctx: Ctx, agencyIds: readonly string[]) {
  const unknown = await unknownAgencies(ctx.db, ctx.actor.municipalityId, agencyIds);
  if (unknown.length > 0) {
    throw new AppError('invalid', { fields: [{ path: 'agencyIds', message: '存在しない機関が指定されています。' }] });
  }
}
