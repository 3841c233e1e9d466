/** What the lead page shows: the lead, its 気づきの連絡, attempts (newest first), stage history and cadence. */
import type { Ctx } from '../platform/context.js';
import type { AttemptKind, AttemptOutcome, LeadCloseReason, LeadSource, LeadStatus, Urgency } from '../platform/db/schema-outreach.js';
import { AppError } from '../platform/http/errors.js';
import { loadCadences } from './cadence.repo.js';
import type { CadenceState } from './lead-rules.js';

export interface LeadView {
  id: string;
  agencyId: string;
  agencyName: string;
  areaId: string | null;
  areaName: string | null;
  source: LeadSource;
  sourceDetail: string | null;
  meetingId: string | null;
  meetingTitle: string | null;
  personId: string | null;
  personName: string | null;
  personDescription: string;
  householdId: string | null;
  householdLabel: string | null;
  location: string | null;
  concern: string;
  urgency: Urgency;
  assignedUserId: string | null;
  assignedName: string | null;
  status: LeadStatus;
  closeReason: LeadCloseReason | null;
  closeNote: string | null;
  closedOn: string | null;
  stageId: string | null;
  stageName: string | null;
  stageChangedOn: string | null;
  consultationId: string | null;
  caseId: string | null;
  consentedOn: string | null;
  openedOn: string;
  createdBy: string;
  version: number;
  canEdit: boolean;
  report: { id: string; reportedAt: string; reporterName: string; noticed: string[]; note: string | null; urgency: Urgency } | null;
  attempts: Array<{ id: string; occurredAt: string; kind: AttemptKind; outcome: AttemptOutcome; note: string | null; recordedBy: string; agencyName: string }>;
  stageHistory: Array<{ id: string; stageId: string; stageName: string; changedOn: string; note: string | null; recordedBy: string }>;
  cadence: (CadenceState & { intervalDays: number; startsOn: string; version: number }) | null;
}

export async function loadLeadView(ctx: Ctx, leadId: string, canEdit: boolean): Promise<LeadView> {
  const mid = ctx.actor.municipalityId;
  const r = await ctx.db
    .selectFrom('outreach_lead as l')
    .innerJoin('agency as ag', (j) => j.onRef('ag.municipality_id', '=', 'l.municipality_id').onRef('ag.agency_id', '=', 'l.agency_id'))
    .innerJoin('app_user as cu', (j) => j.onRef('cu.municipality_id', '=', 'l.municipality_id').onRef('cu.user_id', '=', 'l.created_by_user_id'))
    .leftJoin('municipal_area as ar', (j) => j.onRef('ar.municipality_id', '=', 'l.municipality_id').onRef('ar.area_id', '=', 'l.area_id'))
    .leftJoin('person as p', (j) => j.onRef('p.municipality_id', '=', 'l.municipality_id').onRef('p.person_id', '=', 'l.person_id'))
    .leftJoin('household as h', (j) => j.onRef('h.municipality_id', '=', 'l.municipality_id').onRef('h.household_id', '=', 'l.household_id'))
    .leftJoin('app_user as au', (j) => j.onRef('au.municipality_id', '=', 'l.municipality_id').onRef('au.user_id', '=', 'l.assigned_user_id'))
    .leftJoin('trust_stage as ts', (j) => j.onRef('ts.municipality_id', '=', 'l.municipality_id').onRef('ts.stage_id', '=', 'l.trust_stage_id'))
    .leftJoin('meeting as m', (j) => j.onRef('m.municipality_id', '=', 'l.municipality_id').onRef('m.meeting_id', '=', 'l.meeting_id'))
    .selectAll('l')
    .select([
      'ag.name as agency_name',
      'cu.display_name as created_by',
      'ar.name as area_name',
      'p.family_name',
      'p.given_name',
      'h.label as household_label',
      'au.display_name as assigned_name',
      'ts.name as stage_name',
      'm.title as meeting_title',
    ])
    .where('l.municipality_id', '=', mid)
    .where('l.lead_id', '=', leadId)
    .executeTakeFirst();
  if (!r) throw new AppError('not_found');

  const attempts = await ctx.db
    .selectFrom('contact_attempt as a')
    .innerJoin('app_user as u', (j) => j.onRef('u.municipality_id', '=', 'a.municipality_id').onRef('u.user_id', '=', 'a.recorded_by_user_id'))
    .innerJoin('agency as g', (j) => j.onRef('g.municipality_id', '=', 'a.municipality_id').onRef('g.agency_id', '=', 'a.agency_id'))
    .select(['a.attempt_id', 'a.occurred_at', 'a.kind', 'a.outcome', 'a.note', 'u.display_name', 'g.name as agency_name'])
    .where('a.municipality_id', '=', mid)
    .where('a.lead_id', '=', leadId)
    .orderBy('a.occurred_at', 'desc')
    .orderBy('a.attempt_id', 'desc')
    .execute();
  const history = await ctx.db
    .selectFrom('outreach_lead_stage as s')
    .innerJoin('trust_stage as t', (j) => j.onRef('t.municipality_id', '=', 's.municipality_id').onRef('t.stage_id', '=', 's.stage_id'))
    .innerJoin('app_user as u', (j) => j.onRef('u.municipality_id', '=', 's.municipality_id').onRef('u.user_id', '=', 's.recorded_by_user_id'))
    .select(['s.change_id', 's.stage_id', 't.name', 's.changed_on', 's.note', 'u.display_name'])
    .where('s.municipality_id', '=', mid)
    .where('s.lead_id', '=', leadId)
    .orderBy('s.changed_on', 'desc')
    .orderBy('s.recorded_at', 'desc')
    .execute();
  const report = await ctx.db
    .selectFrom('volunteer_report as v')
    .innerJoin('app_user as u', (j) => j.onRef('u.municipality_id', '=', 'v.municipality_id').onRef('u.user_id', '=', 'v.reported_by_user_id'))
    .select(['v.report_id', 'v.reported_at', 'v.noticed', 'v.note', 'v.urgency', 'u.display_name'])
    .where('v.municipality_id', '=', mid)
    .where('v.lead_id', '=', leadId)
    .executeTakeFirst();
  const [cadence] = await loadCadences(ctx.db, mid, { leadId }, ctx.now);

  return {
    id: r.lead_id,
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    areaId: r.area_id,
    areaName: r.area_name,
    source: r.source,
    sourceDetail: r.source_detail,
    meetingId: r.meeting_id,
    meetingTitle: r.meeting_title,
    personId: r.person_id,
    personName: r.family_name != null ? `${r.family_name} ${r.given_name ?? ''}`.trim() : null,
    personDescription: r.person_description,
    householdId: r.household_id,
    householdLabel: r.household_label,
    location: r.location,
    concern: r.concern,
    urgency: r.urgency,
    assignedUserId: r.assigned_user_id,
    assignedName: r.assigned_name,
    status: r.status,
    closeReason: r.close_reason,
    closeNote: r.close_note,
    closedOn: r.closed_on,
    stageId: r.trust_stage_id,
    stageName: r.stage_name,
    stageChangedOn: r.stage_changed_on,
    consultationId: r.consultation_id,
    caseId: r.case_id,
    consentedOn: r.consented_on,
    openedOn: r.opened_on,
    createdBy: r.created_by,
    version: r.version,
    canEdit,
    report: report
      ? { id: report.report_id, reportedAt: new Date(report.reported_at).toISOString(), reporterName: report.display_name, noticed: report.noticed, note: report.note, urgency: report.urgency }
      : null,
    attempts: attempts.map((a) => ({ id: a.attempt_id, occurredAt: new Date(a.occurred_at).toISOString(), kind: a.kind, outcome: a.outcome, note: a.note, recordedBy: a.display_name, agencyName: a.agency_name })),
    stageHistory: history.map((h) => ({ id: h.change_id, stageId: h.stage_id, stageName: h.name, changedOn: h.changed_on, note: h.note, recordedBy: h.display_name })),
    cadence: cadence
      ? { intervalDays: cadence.intervalDays, startsOn: cadence.startsOn, version: cadence.version, lastContactOn: cadence.lastContactOn, dueOn: cadence.dueOn, lapsed: cadence.lapsed, daysOverdue: cadence.daysOverdue }
      : null,
  };
}
