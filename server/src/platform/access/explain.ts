/**
 * "What can this user actually see and do": evaluates `can` for every record kind × a fixed set of
 * representative relationships (built from the actor's own agencies and user id) × every action.
 * Used by the admin page; the answers come from the real policy, never from a parallel table.
 */
import type { Actor } from './actor.js';
import { can } from './policy.js';
import {
  ACTIONS,
  type Action,
  type CanOptions,
  type Decision,
  type MeetingFact,
  RECORD_KINDS,
  type RecordFacts,
  type RecordKind,
} from './policy.types.js';

/** An agency id that is not one of the actor's (the "other" agency owning a record). */
function otherAgencyId(actor: Actor): string {
  let id = 'other-agency';
  while (actor.agencyIds.includes(id)) id = `${id}-x`;
  return id;
}

function otherMunicipalityId(actor: Actor): string {
  return actor.municipalityId === 'other-municipality'
    ? 'other-municipality-x'
    : 'other-municipality';
}

type Facts = Omit<RecordFacts, 'kind' | 'municipalityId'> & { municipalityId?: string };

interface Relationship {
  code: string;
  label: string;
  facts: (actor: Actor) => Facts;
  options?: CanOptions;
}

const SAMPLE_BASIS_106 = '社会福祉法106条の6';
const SAMPLE_BASIS_JUSOU = '重層的支援体制整備事業実施要綱';

function meeting(
  actor: Actor,
  consentRequired: boolean,
  acknowledged: boolean,
): MeetingFact {
  return {
    meetingId: consentRequired ? 'sample-jusou-meeting' : 'sample-support-meeting',
    meetingTypeCode: consentRequired ? 'jusou_shien_kaigi' : 'shien_kaigi_106_6',
    legalBasis: consentRequired ? SAMPLE_BASIS_JUSOU : SAMPLE_BASIS_106,
    consentRequired,
    memberAgencyIds: [...actor.agencyIds],
    memberUserIds: [actor.userId],
    confidentialityAcknowledgedUserIds: acknowledged ? [actor.userId] : [],
    status: 'open',
  };
}

/** The representative relationships shown on the admin page, in display order. */
export const RELATIONSHIPS: readonly Relationship[] = [
  { code: 'own_agency', label: '自機関が主担当', facts: (a) => ({ ownerAgencyIds: [...a.agencyIds] }) },
  {
    code: 'support_team',
    label: '支援チームの一員',
    facts: (a) => ({ ownerAgencyIds: [otherAgencyId(a)], teamAgencyIds: [...a.agencyIds] }),
  },
  {
    code: 'consent_all',
    label: '本人同意あり（全機関）',
    facts: (a) => ({
      ownerAgencyIds: [otherAgencyId(a)],
      consents: [{ id: 'sample-consent', status: 'given', agencyIds: 'all', dataCategories: 'all' }],
    }),
  },
  {
    code: 'support_meeting_acknowledged',
    label: '支援会議の構成員（守秘義務確認済み）',
    facts: (a) => ({ ownerAgencyIds: [otherAgencyId(a)], meetings: [meeting(a, false, true)] }),
  },
  {
    code: 'support_meeting_unacknowledged',
    label: '支援会議の構成員（守秘義務未確認）',
    facts: (a) => ({ ownerAgencyIds: [otherAgencyId(a)], meetings: [meeting(a, false, false)] }),
  },
  {
    code: 'jusou_meeting_without_consent',
    label: '重層的支援会議の構成員（同意なし）',
    facts: (a) => ({ ownerAgencyIds: [otherAgencyId(a)], meetings: [meeting(a, true, true)] }),
  },
  { code: 'none', label: '関係なし', facts: (a) => ({ ownerAgencyIds: [otherAgencyId(a)] }) },
  {
    code: 'break_glass',
    label: '緊急閲覧',
    facts: (a) => ({ ownerAgencyIds: [otherAgencyId(a)] }),
    options: { breakGlass: { reason: '（例）生命・身体の保護のため緊急に必要', grantId: 'sample-grant' } },
  },
  {
    code: 'other_municipality',
    label: '他市町村の記録',
    // Same agency id strings on purpose: they must not count across municipalities.
    facts: (a) => ({
      municipalityId: otherMunicipalityId(a),
      ownerAgencyIds: [...a.agencyIds],
      reportedByUserId: a.userId,
      subjectUserId: a.userId,
    }),
  },
  {
    code: 'own_account',
    label: '自分のアカウント',
    facts: (a) => ({ subjectUserId: a.userId }),
  },
  {
    code: 'own_report',
    label: '自分の報告',
    facts: (a) => ({ ownerAgencyIds: [otherAgencyId(a)], reportedByUserId: a.userId }),
  },
];

export interface CapabilityRow {
  kind: RecordKind;
  relationship: string;
  relationshipLabel: string;
  action: Action;
  decision: Decision;
}

export function capabilityMatrix(actor: Actor, now: Date = new Date()): CapabilityRow[] {
  const rows: CapabilityRow[] = [];
  for (const kind of RECORD_KINDS) {
    for (const relationship of RELATIONSHIPS) {
      const { municipalityId, ...facts } = relationship.facts(actor);
      const record: RecordFacts = {
        ...facts,
        kind,
        municipalityId: municipalityId ?? actor.municipalityId,
      };
      for (const action of ACTIONS) {
        rows.push({
          kind,
          relationship: relationship.code,
          relationshipLabel: relationship.label,
          action,
          decision: can(actor, action, record, { ...relationship.options, now }),
        });
      }
    }
  }
  return rows;
}
