/**
 * Aggregates (見える化, 指標). Small counts are suppressed where aggregates are built, not here.
 * Within the municipality: 市町村管理者 and 多機関協働事業者. Any municipality: 都道府県 analysts,
 * whose only access is this one (policy.ts lets only them past the municipality check, only here).
 */
import type { Role } from './actor.js';
import type { Action, KindPolicy } from './policy.types.js';
import { actionIn, allow, deny, firstHeldRole } from './relationships.js';

const AGGREGATE_ACTIONS: readonly Action[] = ['read', 'list', 'export'];
const MUNICIPAL_ROLES: readonly Role[] = ['municipal_admin', 'coordinator', 'prefecture_analyst'];
const CROSS_MUNICIPAL_ROLES: readonly Role[] = ['prefecture_analyst'];

export const aggregatePolicy: KindPolicy = ({ actor, action, record }) => {
  const sameMunicipality = record.municipalityId === actor.municipalityId;
  const role = firstHeldRole(actor, sameMunicipality ? MUNICIPAL_ROLES : CROSS_MUNICIPAL_ROLES);
  if (role === undefined) return deny(sameMunicipality ? 'role_not_permitted' : 'other_municipality');
  if (!actionIn(action, AGGREGATE_ACTIONS)) return deny('role_not_permitted');
  return allow({ kind: 'role', role });
};
