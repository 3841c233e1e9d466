/** Public API of the access policy. Import from here, not from the individual files. */
export { type Actor, hasRole, ROLES, type Role } from './actor.js';
export {
  ACTION_LABELS,
  DENY_REASON_LABELS,
  describeBasis,
  describeDenyReason,
  RECORD_KIND_LABELS,
  ROLE_LABELS,
} from './describe.js';
export { type CapabilityRow, capabilityMatrix, RELATIONSHIPS } from './explain.js';
export { can, POLICY_REGISTRY } from './policy.js';
export {
  ACTIONS,
  type Action,
  type Basis,
  type BreakGlass,
  type CanOptions,
  type ConsentFact,
  type ReferralFact,
  DENY_REASONS,
  type Decision,
  type DenyReason,
  type KindPolicy,
  type MeetingFact,
  PERSONAL_DATA_KINDS,
  PERSONAL_RECORD_KINDS,
  type PersonalRecordKind,
  RECORD_KINDS,
  type RecordFacts,
  type RecordKind,
} from './policy.types.js';
export { japanDate, STAFF_ROLES } from './relationships.js';
