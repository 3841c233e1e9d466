/**
 * アウトリーチ at city scale: leads for about 2% of persons over the 5 年度 (気づきの連絡 from 民生委員,
 * neighbours, agencies, meetings), with visits, phone calls and letters, the trust stages reached
 * (history kept), contact cadences for some of those still worked, and closures for most old leads
 * that led nowhere. A few open cases with consent began as a lead (相談につながった: 'consented').
 * Status follows lead-rules.ts: 接触中 only after a 会えた attempt.
 */
import { DEFAULT_TRUST_STAGES } from '../../outreach/trust-stage.repo.js';
import { NOTICED_CODES, NOTICED } from '../../outreach/volunteer-reports.js';
import { sql } from 'kysely';
import { RowSink, WINDOW_START, addDays, atJst, consentedOpenCases, dayBetween, dayNumber, inStageTransaction, maxDay, minDay, pickedById, staffOf, todayOf } from './module-support.js';
import type { ScaleContext, StageCounts } from './scale-context.js';

const TABLES = ['outreach_lead', 'outreach_lead_stage', 'contact_attempt', 'contact_cadence', 'volunteer_report'];
const AREAS = [
  ['east', 'houkatsu1', '東町'],
  ['west', 'houkatsu2', '西町'],
  ['south', 'houkatsu3', '南町'],
] as const;
const SOURCES = ['volunteer', 'volunteer', 'volunteer', 'neighbour', 'agency', 'agency', 'meeting', 'self_family', 'other'] as const;
const WHO = ['80代女性（一人暮らし）', '50代男性（80代の母と同居）', '70代夫婦', '高齢の男性（名前不明）', '20代の若者（ひきこもり）', '小学生の兄弟と母親', '60代男性', '40代女性（親の介護をしている）'];
const CONCERNS = ['ごみが玄関の外まであふれている。', '数年間外に出ていないらしい。', '夜中に外を歩いている。', '水道料金の滞納が続き、訪問しても応答がない。', '配食の弁当が手つかずで残っている。', '親の介護で仕事を辞め、近所づきあいもない。'];
const KINDS = ['visit', 'visit', 'visit', 'phone', 'letter', 'interview', 'accompany'] as const;
const NOT_MET = ['absent', 'no_answer', 'letter_left', 'refused', 'other'] as const;
/** Share of open cases looked at for a lead that led to them (those whose household gives consent). */
const CONSENTED_SHARE = 0.025;

export async function stageOutreach(ctx: ScaleContext): Promise<StageCounts> {
  return inStageTransaction(ctx, run);
}

async function run(ctx: ScaleContext): Promise<StageCounts> {
  const { rnd } = ctx;
  const mid = ctx.municipalityId;
  const today = todayOf(ctx);
  const staff = staffOf(ctx);
  const stageRows = await ctx.db.selectFrom('trust_stage').select(['stage_id', 'code']).where('municipality_id', '=', mid).execute();
  const stageIds = DEFAULT_TRUST_STAGES.map((s) => stageRows.find((r) => r.code === s.code)?.stage_id);
  if (stageIds.some((s) => s === undefined)) throw new Error('the default trust stages are missing: run the demo seed first');
  const stageId = (i: number) => stageIds[i]!;
  const volunteers = [...ctx.userIds].filter(([login]) => /^minsei\d+$/.test(login)).map(([, id]) => id);
  const outreachWorker = ctx.userIds.get('outreach') ?? staff(ctx.agencyIds.get('shakyo')!);
  const sink = new RowSink(ctx.db, TABLES);
  const id = () => rnd.uuid(ctx.epochMs);

  interface Lead {
    personId: string | null;
    householdId: string | null;
    openedOn: string;
    consented: { caseId: string; consultationId: string; on: string } | null;
  }
  async function addLead(l: Lead): Promise<void> {
    const [areaCode, houkatsu, town] = rnd.pick(AREAS);
    const agencyId = (rnd.next() < 0.75 ? ctx.agencyIds.get(houkatsu) : undefined) ?? ctx.agencyIds.get('shakyo')!;
    const worker = rnd.next() < 0.05 && !l.consented ? null : agencyId === ctx.agencyIds.get('shakyo') ? outreachWorker : staff(agencyId);
    const source = l.consented ? 'agency' : rnd.pick(SOURCES);
    const reporter = source === 'volunteer' && volunteers.length > 0 ? rnd.pick(volunteers) : null;
    const noticed = reporter ? [...new Set([rnd.pick(NOTICED_CODES), rnd.pick(NOTICED_CODES)])] : [];
    const creator = reporter ?? worker ?? staff(agencyId);
    const recorder = worker ?? creator;
    const who = rnd.pick(WHO);
    const location = `${town}${1 + rnd.int(9)}丁目`;
    const urgency = rnd.next() < 0.8 ? 'normal' : rnd.next() < 0.85 ? 'urgent' : 'emergency';
    const leadId = id();

    // Attempts every few days to weeks; each has a one-in-three chance of meeting the person.
    const attempts: Array<{ on: string; kind: string; outcome: string }> = [];
    const lastDay = l.consented ? l.consented.on : today;
    let next = addDays(l.openedOn, 1 + rnd.int(7));
    for (let n = l.consented ? 2 + rnd.int(3) : rnd.int(7); n > 0 && next <= lastDay; n--) {
      const met = rnd.next() < 0.35 || (l.consented !== null && n === 1);
      attempts.push({ on: next, kind: rnd.pick(KINDS), outcome: met ? 'met' : rnd.pick(NOT_MET) });
      next = addDays(next, 2 + rnd.int(19));
    }
    const firstMet = attempts.find((a) => a.outcome === 'met')?.on ?? (l.consented ? dayBetween(ctx, l.openedOn, l.consented.on) : null);
    const lastActivity = attempts.at(-1)?.on ?? l.openedOn;
    const old = dayNumber(today) - dayNumber(l.openedOn) > 120;
    const closed = !l.consented && old && rnd.next() < 0.7;
    const status = l.consented ? 'consented' : closed ? 'closed' : firstMet ? 'in_contact' : 'open';
    const closedOn = closed ? minDay(addDays(lastActivity, 1 + rnd.int(30)), today) : null;
    const reached = l.consented ? 4 : firstMet ? 1 + rnd.int(3) : 0;
    const stageDays = [l.openedOn];
    for (let i = 1; i <= reached; i++) stageDays.push(i === 1 ? firstMet! : dayBetween(ctx, stageDays[i - 1]!, maxDay(lastActivity, l.consented?.on ?? lastActivity)));
    const personId = l.personId && (firstMet ? rnd.next() < 0.8 : rnd.next() < 0.2) ? l.personId : null;

    await sink.add('outreach_lead', {
      municipality_id: mid,
      lead_id: leadId,
      agency_id: agencyId,
      area_id: ctx.areaIds.get(areaCode) ?? null,
      source: reporter ? 'volunteer' : source === 'volunteer' ? 'neighbour' : source,
      source_detail: source === 'meeting' ? '地域ケア会議' : source === 'agency' ? '関係機関からの情報提供' : null,
      meeting_id: null,
      person_id: l.consented ? l.personId : personId,
      person_description: who,
      household_id: l.consented ? l.householdId : null,
      location,
      concern: reporter ? `【気づき】${noticed.map((c) => NOTICED[c]).join('、')}` : rnd.pick(CONCERNS),
      urgency,
      assigned_user_id: worker,
      status,
      close_reason: closed ? (firstMet ? rnd.pick(['handled_elsewhere', 'no_need', 'declined'] as const) : rnd.pick(['unreachable', 'moved'] as const)) : null,
      close_note: closed ? '対応を終了した。' : null,
      closed_on: closedOn,
      trust_stage_id: stageId(reached),
      stage_changed_on: stageDays.at(-1)!,
      consultation_id: l.consented?.consultationId ?? null,
      case_id: l.consented?.caseId ?? null,
      consented_on: l.consented?.on ?? null,
      opened_on: l.openedOn,
      created_by_user_id: creator,
      created_at: atJst(l.openedOn, 10),
      updated_at: atJst(closedOn ?? l.consented?.on ?? maxDay(lastActivity, stageDays.at(-1)!), 17),
      version: 1 + attempts.length + reached + (closed || l.consented ? 1 : 0),
    });
    for (const [i, on] of stageDays.entries()) {
      await sink.add('outreach_lead_stage', { municipality_id: mid, change_id: id(), lead_id: leadId, stage_id: stageId(i), changed_on: on, note: null, recorded_by_user_id: recorder, recorded_at: atJst(on, 16, i) });
    }
    for (const a of attempts) {
      const at = atJst(a.on, 10 + rnd.int(7), rnd.int(60));
      await sink.add('contact_attempt', { municipality_id: mid, attempt_id: id(), lead_id: leadId, occurred_at: at, kind: a.kind, outcome: a.outcome, note: null, agency_id: agencyId, recorded_by_user_id: recorder, created_at: at, updated_at: at, version: 1 });
    }
    if ((status === 'open' || status === 'in_contact') && worker && rnd.next() < 0.5) {
      await sink.add('contact_cadence', { municipality_id: mid, cadence_id: id(), lead_id: leadId, case_id: null, interval_days: rnd.pick([7, 14, 30]), starts_on: l.openedOn, agency_id: agencyId, set_by_user_id: worker, created_at: atJst(l.openedOn, 11), updated_at: atJst(l.openedOn, 11), version: 1 });
    }
    if (reporter) {
      await sink.add('volunteer_report', {
        municipality_id: mid,
        report_id: id(),
        reported_by_user_id: reporter,
        area_id: ctx.areaIds.get(areaCode)!,
        responsible_agency_id: agencyId,
        subject_description: who,
        location,
        noticed,
        note: null,
        urgency,
        lead_id: leadId,
        reported_at: atJst(l.openedOn, 9),
        created_at: atJst(l.openedOn, 9),
        updated_at: atJst(l.openedOn, 9),
        version: 1,
      });
    }
  }

  // About 2% of persons (not the confidential ones), picked in the database by id.
  const { rows: persons } = await sql<{ person_id: string }>`
    select person_id from person where municipality_id = ${mid} and not confidential and ${pickedById('person_id', 'outreach', 0.02)} order by person_id`.execute(ctx.db);
  for (const p of persons) await addLead({ personId: p.person_id, householdId: null, openedOn: dayBetween(ctx, WINDOW_START, today), consented: null });
  // 相談につながった: the lead ran for one to four months before the case opened.
  for (const c of await consentedOpenCases(ctx, CONSENTED_SHARE)) {
    const openedOn = addDays(c.opened_on, -(30 + rnd.int(90)));
    await addLead({ personId: c.person_id, householdId: c.household_id, openedOn, consented: { caseId: c.case_id, consultationId: c.consultation_id!, on: c.opened_on } });
  }
  await sink.flush();
  return sink.counts;
}
