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

/** Every user belongs to at least one agency (the prefecture analyst to the prefecture's office). */
export function assertAgencyNeeded(agencyIds: readonly string[]) {
  if (agencyIds.length === 0) {
    throw new AppError('invalid', { fields: [{ path: 'agencyIds', message: '所属機関を1つ以上選んでください。' }] });
  }
}

export async function assertAgenciesExist(ctx: Ctx, agencyIds: readonly string[]) {
  const unknown = await unknownAgencies(ctx.db, ctx.actor.municipalityId, agencyIds);
  if (unknown.length > 0) {
    throw new AppError('invalid', { fields: [{ path: 'agencyIds', message: '存在しない機関が指定されています。' }] });
  }
}
