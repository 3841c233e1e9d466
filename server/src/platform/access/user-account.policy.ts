/**
 * 利用者管理. Administrators manage accounts of their municipality; everyone reads and updates their
 * own account (preferences; which fields is the use case's business, told by basis 'self').
 * Accounts are deactivated, never deleted.
 */
import type { Role } from './actor.js';
import type { Action, KindPolicy } from './policy.types.js';
import { actionIn, allow, deny, firstHeldRole, sameId } from './relationships.js';

const ADMIN_ROLES: readonly Role[] = ['municipal_admin', 'system_admin'];
const ADMIN_ACTIONS: readonly Action[] = ['read', 'list', 'create', 'update'];
const SELF_ACTIONS: readonly Action[] = ['read', 'update'];

export const userAccountPolicy: KindPolicy = ({ actor, action, record }) => {
  // The role basis is tried first: it is the broader right, and 'self' restricts the use case.
  const role = firstHeldRole(actor, ADMIN_ROLES);
  if (role !== undefined && actionIn(action, ADMIN_ACTIONS)) return allow({ kind: 'role', role });
  if (sameId(record.subjectUserId, actor.userId) && actionIn(action, SELF_ACTIONS)) {
    return allow({ kind: 'self' });
  }
  return deny('role_not_permitted');
};
