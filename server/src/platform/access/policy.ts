/**
 * The one access policy: may this actor do this action to this record, and on what basis?
 *
 * Pure and synchronous: the caller (a repository / use case) loads the facts, this module decides.
 * Order: municipality boundary → per-kind policy from the registry → deny. Every branch that does
 * not name a basis denies; a kind without a policy denies.
 */
import { type Actor, hasRole } from './actor.js';
import { agencyPolicy } from './agency.policy.js';
import { aggregatePolicy } from './aggregate.policy.js';
import { auditLogPolicy } from './audit-log.policy.js';
import { directoryPolicy } from './directory.policy.js';
import { meetingMaterialPolicy } from './meeting-material.policy.js';
import { municipalConfigPolicy } from './municipal-config.policy.js';
import { personalRecordPolicy } from './personal-record.policy.js';
import type {
  Action,
  CanOptions,
  Decision,
  KindPolicy,
  RecordFacts,
  RecordKind,
} from './policy.types.js';
import { deny } from './relationships.js';
import { userAccountPolicy } from './user-account.policy.js';
import { volunteerReportPolicy } from './volunteer-report.policy.js';

/** One policy per record kind. Adding a RecordKind without a policy here fails type-checking. */
export const POLICY_REGISTRY: Readonly<Record<RecordKind, KindPolicy>> = Object.freeze({
  person: personalRecordPolicy,
  household: personalRecordPolicy,
  case: personalRecordPolicy,
  consultation: personalRecordPolicy,
  progress_note: personalRecordPolicy,
  referral: personalRecordPolicy,
  plan: personalRecordPolicy,
  outreach_lead: personalRecordPolicy,
  participation: personalRecordPolicy,
  directory: directoryPolicy,
  meeting_material: meetingMaterialPolicy,
  volunteer_report: volunteerReportPolicy,
  aggregate: aggregatePolicy,
  user_account: userAccountPolicy,
  agency: agencyPolicy,
  audit_log: auditLogPolicy,
  municipal_config: municipalConfigPolicy,
});

function policyFor(kind: string): KindPolicy | undefined {
  return Object.hasOwn(POLICY_REGISTRY, kind) ? POLICY_REGISTRY[kind as RecordKind] : undefined;
}

/**
 * 都道府県 analysts read aggregates of every municipality; nothing else crosses the boundary.
 * Agency ids are only meaningful inside a municipality, so a matching agency id string from
 * another municipality never counts.
 */
function crossesMunicipality(actor: Actor, record: RecordFacts): boolean {
  if (!actor.municipalityId || !record.municipalityId) return true;
  return record.municipalityId !== actor.municipalityId;
}

export function can(
  actor: Actor,
  action: Action,
  record: RecordFacts,
  options: CanOptions = {},
): Decision {
  if (crossesMunicipality(actor, record)) {
    const analystReadingAggregate =
      record.kind === 'aggregate' &&
      Boolean(record.municipalityId) &&
      hasRole(actor, 'prefecture_analyst');
    if (!analystReadingAggregate) return deny('other_municipality');
  }
  const policy = policyFor(record.kind);
  if (policy === undefined) return deny('default_deny');
  return policy({
    actor,
    action,
    record,
    breakGlass: options.breakGlass,
    now: options.now ?? new Date(),
  });
}
