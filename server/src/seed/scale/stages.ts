/**
 * The module stages of the city-scale generator (plans/meetings, outreach, placements, places and
 * attendance), run by run-scale.ts in this order after its own stages.
 *
 * When a module stage runs, these exist and are committed: the fixed demo parts (agencies, staff,
 * 圏域, question sets, meeting types, directory), and at scale: person, household, household_membership,
 * person_relationship, person_concern, consultation (+ categories, consents), support_case (+ lead
 * periods), progress_note, referral (+ events, attachments). The secondary indexes of those big
 * tables are DROPPED while the stages run (they are rebuilt after the last module stage, then
 * ANALYZE runs): read back by primary key or by a whole-table scan, not by per-row index lookups.
 * ctx.rnd continues the generator's stream (stage order is fixed, so runs stay deterministic).
 * The orchestrator does not wrap a stage in a transaction (commit per chunk with ctx.db.transaction()
 * if you like); insert with `bulkInsert` in chunks of a few thousand rows. Audit events a stage writes
 * are hash-sealed by the orchestrator afterwards. The demo part's own seedCollaboration has already
 * put episodes, teams and plans on up to 200 open cases led by houkatsu1 (support_plan_one_active
 * allows one active plan per case): skip cases that already have one. ctx.persons is N (the demo part's ~1,000 persons
 * and the generated ones together); the seed refuses a database that already has a municipality.
 */
import type { ScaleContext, StageCounts } from './scale-context.js';
import { stageCollaboration } from './stage-collaboration.js';
import { stageCommunity } from './stage-community.js';
import { stageOutreach } from './stage-outreach.js';
import { stageParticipation } from './stage-participation.js';

export const MODULE_STAGES: Array<{ name: string; run: (ctx: ScaleContext) => Promise<StageCounts> }> = [
  { name: '多機関協働（プラン・会議）', run: stageCollaboration },
  { name: 'アウトリーチ', run: stageOutreach },
  { name: '参加支援', run: stageParticipation },
  { name: '地域づくり（拠点・参加者数）', run: stageCommunity },
];

/**
 * Tables the module stages fill in bulk: their secondary (non-unique, non-constraint) indexes are
 * dropped with those of the big tables before the load and rebuilt after the last module stage.
 */
export const MODULE_TABLES: string[] = [
  ...['coordination_episode', 'support_team_member', 'meeting', 'meeting_member', 'meeting_agenda_item', 'support_plan', 'support_plan_version', 'support_plan_action'],
  ...['outreach_lead', 'outreach_lead_stage', 'contact_attempt', 'contact_cadence', 'volunteer_report'],
  ...['participation_host', 'participation_host_event', 'participation_need', 'participation_placement', 'participation_followup', 'participation_host_support'],
  ...['community_place', 'community_activity', 'community_session', 'community_session_partner', 'community_log_entry'],
];
