/** 機関管理. Staff see the agencies of their municipality; administrators maintain them. */
import type { Role } from './actor.js';
import type { Action, KindPolicy } from './policy.types.js';
import { allow, deny, firstHeldRole, STAFF_ROLES } from './relationships.js';

const READERS: readonly Role[] = [...STAFF_ROLES, 'system_admin'];
const MAINTAINERS: readonly Role[] = ['municipal_admin', 'system_admin'];

const ROLES_BY_ACTION: Partial<Record<Action, readonly Role[]>> = {
  read: READERS,
  list: READERS,
  create: MAINTAINERS,
  update: MAINTAINERS,
};

export const agencyPolicy: KindPolicy = ({ actor, action }) => {
  const permitted = Object.hasOwn(ROLES_BY_ACTION, action) ? ROLES_BY_ACTION[action] : undefined;
  const role = permitted === undefined ? undefined : firstHeldRole(actor, permitted);
  return role === undefined ? deny('role_not_permitted') : allow({ kind: 'role', role });
};
