/**
 * 地域資源・拠点 (community resource directory, places and activities): information about services
 * and places, not about persons. Every staff role may read it (民生委員 keep their minimal surface: the report form); those who keep it
 * (参加支援員・生活支援コーディネーター as outreach_worker, 多機関協働事業者, 市町村管理者) write it;
 * only a 市町村管理者 deletes.
 */
import type { Role } from './actor.js';
import type { Action, KindPolicy } from './policy.types.js';
import { actionIn, allow, deny, firstHeldRole } from './relationships.js';

const READERS: readonly Role[] = ['municipal_admin', 'coordinator', 'outreach_worker', 'caseworker'];
const KEEPERS: readonly Role[] = ['municipal_admin', 'coordinator', 'outreach_worker'];
const READ_ACTIONS: readonly Action[] = ['read', 'list'];
const KEEP_ACTIONS: readonly Action[] = ['create', 'update', 'export'];

export const directoryPolicy: KindPolicy = ({ actor, action }) => {
  if (action === 'delete') {
    return actor.roles.includes('municipal_admin') ? allow({ kind: 'role', role: 'municipal_admin' }) : deny('role_not_permitted');
  }
  const roles = actionIn(action, READ_ACTIONS) ? READERS : actionIn(action, KEEP_ACTIONS) ? KEEPERS : [];
  const role = firstHeldRole(actor, roles);
  return role === undefined ? deny('role_not_permitted') : allow({ kind: 'role', role });
};
