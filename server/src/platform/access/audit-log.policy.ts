/**
 * 監査ログ: who saw what, when, on what basis. Only the auditor (監査・DPO) reads it — not the
 * administrators whose own actions it records.
 */
import type { Action, KindPolicy } from './policy.types.js';
import { actionIn, allow, deny, firstHeldRole } from './relationships.js';

const AUDITOR_ACTIONS: readonly Action[] = ['read', 'list', 'export'];

export const auditLogPolicy: KindPolicy = ({ actor, action }) => {
  const role = firstHeldRole(actor, ['auditor']);
  if (role === undefined || !actionIn(action, AUDITOR_ACTIONS)) return deny('role_not_permitted');
  return allow({ kind: 'role', role });
};
