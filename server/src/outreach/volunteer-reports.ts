/**
 * 気づきの連絡 (民生委員・児童委員): a report files an outreach lead in the queue of the area's
 * responsible agency; the volunteer sees only their own reports and a three-step status derived from
 * the lead (受付済/対応中/対応済) — never the worker's notes, the person found, or the case.
 */
import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { newId } from '../platform/db/ids.js';
import type { Urgency } from '../platform/db/schema-outreach.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { isoDayInJapan } from '../consultation/japanese/japanese-date.js';
import { type VolunteerStatus, volunteerStatus } from './lead-rules.js';
import { insertLead } from './lead.repo.js';
import { areaOptions } from './outreach-options.js';

/** Quick chips of the form; the Japanese wording goes into the lead's concern text. */
export const NOTICED = {
  not_seen: '姿を見ない',
  mail_piling: '郵便物がたまっている',
  garbage: 'ごみがたまっている',
  no_response: '声かけに応じない',
  child: '子どもの様子が気になる',
  health: '体調が悪そう',
} as const;
export type Noticed = keyof typeof NOTICED;
export const NOTICED_CODES = Object.keys(NOTICED) as [Noticed, ...Noticed[]];

export interface VolunteerReportInput {
  subjectDescription: string;
  location: string;
  areaId?: string | null | undefined;
  noticed: Noticed[];
  note?: string | null | undefined;
  urgency: Urgency;
}

const invalid = (path: string, message: string) => new AppError('invalid', { fields: [{ path, message }] }, message);

async function ownArea(ctx: Ctx): Promise<string | null> {
  const row = await ctx.db.selectFrom('volunteer_area').select('area_id').where('municipality_id', '=', ctx.actor.municipalityId).where('user_id', '=', ctx.actor.userId).executeTakeFirst();
  return row?.area_id ?? null;
}

/** The form's choices: the 圏域 with the volunteer's own area first chosen. */
export async function volunteerReportForm(ctx: Ctx) {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    authorize(tx, 'create', { kind: 'volunteer_report', municipalityId: mid, reportedByUserId: tx.actor.userId });
    const areas = await areaOptions(tx.db, mid);
    return { areas: areas.map((a) => ({ id: a.id, name: a.name })), defaultAreaId: await ownArea(tx) };
  });
}

export async function submitVolunteerReport(ctx: Ctx, input: VolunteerReportInput): Promise<{ id: string; reportedAt: string; status: VolunteerStatus }> {
  if (input.noticed.length === 0 && !input.note?.trim()) throw invalid('note', '気づいたことを選ぶか、書いてください。');
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    // Only a 民生委員 files 気づきの連絡 (in their own name); anyone else is refused before anything is looked up.
    authorize(tx, 'create', { kind: 'volunteer_report', municipalityId: mid, reportedByUserId: tx.actor.userId });
    const areaId = input.areaId ?? (await ownArea(tx));
    if (!areaId) throw invalid('areaId', '地区（圏域）を選んでください。');
    const area = await tx.db.selectFrom('municipal_area').select(['area_id', 'responsible_agency_id']).where('municipality_id', '=', mid).where('area_id', '=', areaId).executeTakeFirst();
    if (!area) throw invalid('areaId', '地区（圏域）が見つかりません。');
    if (!area.responsible_agency_id) throw invalid('areaId', 'この地区の受付窓口が設定されていません。市町村の担当課へ電話で連絡してください。');
    const agencyId = area.responsible_agency_id;
    const reportId = newId();
    const basis = authorize(tx, 'create', { kind: 'volunteer_report', municipalityId: mid, id: reportId, reportedByUserId: tx.actor.userId, ownerAgencyIds: [agencyId] });
    const noticedText = input.noticed.map((c) => NOTICED[c]).join('、');
    const concern = [noticedText && `【気づき】${noticedText}`, input.note?.trim()].filter(Boolean).join('\n');
    // The lead is filed in the responsible agency's queue on the strength of the report (not of any right of the volunteer to leads).
    const leadId = await insertLead(
      tx,
      { agency_id: agencyId, area_id: areaId, source: 'volunteer', source_detail: null, person_description: input.subjectDescription, location: input.location, concern, urgency: input.urgency, assigned_user_id: null },
      isoDayInJapan(tx.now),
    );
    await tx.db
      .insertInto('volunteer_report')
      .values({
        municipality_id: mid,
        report_id: reportId,
        reported_by_user_id: tx.actor.userId,
        area_id: areaId,
        responsible_agency_id: agencyId,
        subject_description: input.subjectDescription,
        location: input.location,
        noticed: [...new Set(input.noticed)],
        note: input.note?.trim() || null,
        urgency: input.urgency,
        lead_id: leadId,
        reported_at: tx.now,
        created_at: tx.now,
        updated_at: tx.now,
      })
      .execute();
    await audit(tx, { action: 'volunteer_report.create', targetType: 'volunteer_report', targetId: reportId, basis, details: { urgency: input.urgency, noticed: input.noticed, agencyId } });
    await audit(tx, { action: 'outreach_lead.create', targetType: 'outreach_lead', targetId: leadId, basis: `気づきの連絡 #${reportId}`, details: { source: 'volunteer', agencyId } });
    return { id: reportId, reportedAt: tx.now.toISOString(), status: 'received' };
  });
}

export interface MyReport {
  id: string;
  reportedAt: string;
  subjectDescription: string;
  location: string;
  areaName: string;
  urgency: Urgency;
  noticed: string[];
  status: VolunteerStatus;
}

/** 自分の連絡の一覧: what the volunteer wrote and its status — nothing from the lead or case. */
export async function listMyReports(ctx: Ctx): Promise<{ items: MyReport[] }> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const basis = authorize(tx, 'list', { kind: 'volunteer_report', municipalityId: mid, reportedByUserId: tx.actor.userId });
    const rows = await tx.db
      .selectFrom('volunteer_report as v')
      .innerJoin('outreach_lead as l', (j) => j.onRef('l.municipality_id', '=', 'v.municipality_id').onRef('l.lead_id', '=', 'v.lead_id'))
      .innerJoin('municipal_area as a', (j) => j.onRef('a.municipality_id', '=', 'v.municipality_id').onRef('a.area_id', '=', 'v.area_id'))
      .select((eb) => [
        'v.report_id',
        'v.reported_at',
        'v.subject_description',
        'v.location',
        'a.name as area_name',
        'v.urgency',
        'v.noticed',
        'l.status',
        eb
          .selectFrom('contact_attempt as c')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('c.municipality_id', '=', 'l.municipality_id')
          .whereRef('c.lead_id', '=', 'l.lead_id')
          .as('attempts'),
      ])
      .where('v.municipality_id', '=', mid)
      .where('v.reported_by_user_id', '=', tx.actor.userId)
      .orderBy('v.reported_at', 'desc')
      .limit(200)
      .execute();
    await audit(tx, { action: 'volunteer_report.list', targetType: 'volunteer_report', basis, details: { count: rows.length } });
    return {
      items: rows.map((r) => ({
        id: r.report_id,
        reportedAt: new Date(r.reported_at).toISOString(),
        subjectDescription: r.subject_description,
        location: r.location,
        areaName: r.area_name,
        urgency: r.urgency,
        noticed: r.noticed,
        status: volunteerStatus(r.status, Number(r.attempts ?? 0)),
      })),
    };
  });
}
