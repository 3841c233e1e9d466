/**
 * Who must NOT reach a fixture, decided by the real access policy over the facts the real
 * repositories load (never by a per-endpoint table): an actor for whom `can()` grants no action on
 * the record is swept against it. Records hanging off a case (team member, 多機関協働 request, lead
 * transfer, meeting, agenda item, 情報提供の依頼) use the case's facts, placements and follow-ups
 * their need's. A few follow their use case's own rule besides: a 多機関協働 request is answered by a
 * 多機関協働事業者 of the requested agency, a lead transfer by the receiving agency, and a meeting
 * (its agenda items and requests) is open to its parties (`meetingRoleOf`: convener and members).
 */
import { meetingRoleOf } from '../../src/collaboration/meeting/meeting-rules.js';
import { loadMeeting, partiesOf } from '../../src/collaboration/meeting/meeting.repo.js';
import { planFacts } from '../../src/collaboration/plan/plan.repo.js';
import { caseFacts } from '../../src/consultation/case.repo.js';
import { consultationFacts } from '../../src/consultation/consultation.repo.js';
import { householdFacts } from '../../src/consultation/household.repo.js';
import { personFacts } from '../../src/consultation/person.repo.js';
import { progressNoteFacts } from '../../src/consultation/progress/progress-note.repo.js';
import { leadFacts } from '../../src/outreach/lead.repo.js';
import { needFacts } from '../../src/participation/need.repo.js';
import { ACTIONS, type Actor, can, hasRole, type RecordFacts } from '../../src/platform/access/index.js';
import type { DbHandle } from '../../src/platform/db/database.js';
import { referralRecordFacts } from '../../src/referral/referral.repo.js';
import type { TargetKind } from './sweep-plan.js';

async function factsOf(db: DbHandle, mid: string, kind: TargetKind, id: string): Promise<RecordFacts | null> {
  switch (kind) {
    case 'person':
      return personFacts(db, mid, id);
    case 'household':
      return householdFacts(db, mid, id);
    case 'consultation':
      return consultationFacts(db, mid, id);
    case 'case':
      return caseFacts(db, mid, id);
    case 'progressNote':
      return progressNoteFacts(db, mid, id);
    case 'plan':
      return (await planFacts(db, mid, id)).facts;
    case 'referral':
      return referralRecordFacts(db, mid, id);
    case 'lead':
      return leadFacts(db, mid, id);
    case 'need':
      return (await needFacts(db, mid, id)).facts;
    case 'teamMember': {
      const row = await db.selectFrom('support_team_member').select('case_id').where('municipality_id', '=', mid).where('team_member_id', '=', id).executeTakeFirstOrThrow();
      return caseFacts(db, mid, row.case_id);
    }
    case 'coordination': {
      const row = await db.selectFrom('coordination_episode').select('case_id').where('municipality_id', '=', mid).where('episode_id', '=', id).executeTakeFirstOrThrow();
      return caseFacts(db, mid, row.case_id);
    }
    case 'transfer': {
      const row = await db.selectFrom('case_lead_transfer').select('case_id').where('municipality_id', '=', mid).where('transfer_id', '=', id).executeTakeFirstOrThrow();
      return caseFacts(db, mid, row.case_id);
    }
    case 'meeting':
    case 'agendaItem':
    case 'infoRequest':
      return caseFacts(db, mid, (await meetingOf(db, mid, kind, id)).caseId);
    case 'placement':
    case 'followup':
      return (await needFacts(db, mid, await needOf(db, mid, kind, id))).facts;
  }
}

async function meetingOf(db: DbHandle, mid: string, kind: 'meeting' | 'agendaItem' | 'infoRequest', id: string): Promise<{ meetingId: string; caseId: string }> {
  let q = db.selectFrom('meeting_agenda_item as a').select(['a.meeting_id', 'a.case_id']).where('a.municipality_id', '=', mid);
  if (kind === 'meeting') q = q.where('a.meeting_id', '=', id);
  if (kind === 'agendaItem') q = q.where('a.agenda_item_id', '=', id);
  if (kind === 'infoRequest') {
    q = q.where('a.agenda_item_id', 'in', db.selectFrom('meeting_info_request').select('agenda_item_id').where('municipality_id', '=', mid).where('info_request_id', '=', id));
  }
  const row = await q.executeTakeFirstOrThrow();
  return { meetingId: row.meeting_id, caseId: row.case_id };
}

async function needOf(db: DbHandle, mid: string, kind: 'placement' | 'followup', id: string): Promise<string> {
  const placementId =
    kind === 'placement'
      ? id
      : (await db.selectFrom('participation_followup').select('placement_id').where('municipality_id', '=', mid).where('followup_id', '=', id).executeTakeFirstOrThrow()).placement_id;
  return (await db.selectFrom('participation_placement').select('need_id').where('municipality_id', '=', mid).where('placement_id', '=', placementId).executeTakeFirstOrThrow()).need_id;
}

/** Whether the use case itself lets the actor act on a non-policy record (see the file comment). */
async function answerer(db: DbHandle, mid: string, actor: Actor, kind: TargetKind, id: string): Promise<boolean> {
  if (actor.municipalityId !== mid) return false;
  if (kind === 'coordination') {
    const row = await db.selectFrom('coordination_episode').select('coordinator_agency_id').where('municipality_id', '=', mid).where('episode_id', '=', id).executeTakeFirstOrThrow();
    return hasRole(actor, 'coordinator') && row.coordinator_agency_id !== null && actor.agencyIds.includes(row.coordinator_agency_id);
  }
  if (kind === 'transfer') {
    const row = await db.selectFrom('case_lead_transfer').select('to_agency_id').where('municipality_id', '=', mid).where('transfer_id', '=', id).executeTakeFirstOrThrow();
    return actor.agencyIds.includes(row.to_agency_id);
  }
  if (kind === 'meeting' || kind === 'agendaItem' || kind === 'infoRequest') {
    const meeting = await loadMeeting(db, mid, (await meetingOf(db, mid, kind, id)).meetingId);
    return meeting !== null && meetingRoleOf(actor, partiesOf(meeting)) !== null;
  }
  return false;
}

/** The actions the policy grants the actor on the record (empty: the actor must be refused everywhere). */
export async function grantedActions(db: DbHandle, mid: string, actor: Actor, kind: TargetKind, id: string, now: Date): Promise<string[]> {
  const facts = await factsOf(db, mid, kind, id);
  if (!facts) throw new Error(`fixture ${kind} ${id} has no facts`);
  const granted: string[] = ACTIONS.filter((action) => can(actor, action, facts, { now }).allowed);
  if (await answerer(db, mid, actor, kind, id)) granted.push('answer');
  return granted;
}
