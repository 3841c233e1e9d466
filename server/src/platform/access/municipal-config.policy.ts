/** Municipal settings (role settings such as the TOTP requirement, meeting types). */
import type { Role } from './actor.js';
import type { Action, KindPolicy } from './policy.types.js';
import { actionIn, allow, deny, firstHeldRole } from './relationships.js';

const CONFIG_ROLES: readonly Role[] = ['municipal_admin', 'system_admin'];
const CONFIG_ACTIONS: readonly Action[] = ['read', 'update'];

export const municipalConfigPolicy: KindPolicy = ({ actor, action }) => {
  const role = firstHeldRole(actor, CONFIG_ROLES);
  if (role === undefined || !actionIn(action, CONFIG_ACTIONS)) return deny('role_not_permitted');
  return allow({ kind: 'role', role });
};
