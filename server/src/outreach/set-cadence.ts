import { authorize } from '../platform/access/authorize.js';
import { can } from '../platform/access/policy.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { newId } from '../platform/db/ids.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { caseFacts } from '../consultation/case.repo.js';
import { isoDayInJapan } from '../consultation/japanese/japanese-date.js';
import { loadCadences } from './cadence.repo.js';
import type { CadenceState } from './lead-rules.js';
import { isActiveLead } from './lead-rules.js';
import { getLeadRow, leadFactsOrUnknown } from './lead.repo.js';
import { type LeadView, loadLeadView } from './lead-view.js';

type Subject = { leadId: string; caseId?: undefined } | { caseId: string; leadId?: undefined };

/** Sets, changes (the start day stays) or clears (null) the cadence of one lead or case. */
async function writeCadence(ctx: Ctx, subject: Subject, intervalDays: number | null, agencyId: string): Promise<'set' | 'changed' | 'cleared' | 'unchanged'> {
  const mid = ctx.actor.municipalityId;
  let q = ctx.db.selectFrom('contact_cadence').select(['cadence_id', 'interval_days']).where('municipality_id', '=', mid);
  q = subject.leadId ? q.where('lead_id', '=', subject.leadId) : q.where('case_id', '=', subject.caseId!);
  const existing = await q.executeTakeFirst();
  if (intervalDays === null) {
    if (!existing) return 'unchanged';
    await ctx.db.deleteFrom('contact_cadence').where('municipality_id', '=', mid).where('cadence_id', '=', existing.cadence_id).execute();
    return 'cleared';
  }
  if (existing) {
    if (existing.interval_days === intervalDays) return 'unchanged';
    await ctx.db
      .updateTable('contact_cadence')
      .set((eb) => ({ interval_days: intervalDays, set_by_user_id: ctx.actor.userId, agency_id: agencyId, updated_at: ctx.now, version: eb('version', '+', 1) }))
      .where('municipality_id', '=', mid)
      .where('cadence_id', '=', existing.cadence_id)
      .execute();
    return 'changed';
  }
  await ctx.db
    .insertInto('contact_cadence')
    .values({ municipality_id: mid, cadence_id: newId(), lead_id: subject.leadId ?? null, case_id: subject.caseId ?? null, interval_days: intervalDays, starts_on: isoDayInJapan(ctx.now), agency_id: agencyId, set_by_user_id: ctx.actor.userId, created_at: ctx.now, updated_at: ctx.now })
    .execute();
  return 'set';
}

function agencyFor(ctx: Ctx, owners: readonly string[] | undefined, team: readonly string[] | undefined): string {
  const id = ctx.actor.agencyIds.find((a) => owners?.includes(a)) ?? ctx.actor.agencyIds.find((a) => team?.includes(a)) ?? ctx.actor.agencyIds[0];
  if (!id) throw new AppError('forbidden');
  return id;
}

/** 連絡の間隔 of an open lead (e.g. every 14 days); null clears it. */
export async function setLeadCadence(ctx: Ctx, leadId: string, input: { intervalDays: number | null }): Promise<LeadView> {
  return inTransaction(ctx, async (tx) => {
    const facts = await leadFactsOrUnknown(tx, leadId);
    const basis = authorize(tx, 'update', facts, { auditAction: 'contact_cadence.update' });
    const lead = await getLeadRow(tx.db, tx.actor.municipalityId, leadId);
    if (!isActiveLead(lead.status)) throw new AppError('invalid', { fields: [{ path: 'intervalDays', message: '対応中のアウトリーチにだけ連絡の間隔を設定できます。' }] });
    const result = await writeCadence(tx, { leadId }, input.intervalDays, agencyFor(tx, facts.ownerAgencyIds, facts.teamAgencyIds));
    await audit(tx, { action: 'contact_cadence.update', targetType: 'outreach_lead', targetId: leadId, basis, details: { result, intervalDays: input.intervalDays } });
    return loadLeadView(tx, leadId, true);
  });
}

export type CaseCadenceView = { caseId: string; cadence: (CadenceState & { intervalDays: number; startsOn: string; workerName: string }) | null; canEdit: boolean };

async function caseCadenceView(ctx: Ctx, caseId: string, canEdit: boolean): Promise<CaseCadenceView> {
  const [c] = await loadCadences(ctx.db, ctx.actor.municipalityId, { caseId }, ctx.now);
  return {
    caseId,
    canEdit,
    cadence: c ? { intervalDays: c.intervalDays, startsOn: c.startsOn, workerName: c.workerName, lastContactOn: c.lastContactOn, dueOn: c.dueOn, lapsed: c.lapsed, daysOverdue: c.daysOverdue } : null,
  };
}

async function openCaseFacts(ctx: Ctx, caseId: string) {
  const mid = ctx.actor.municipalityId;
  return (await caseFacts(ctx.db, mid, caseId)) ?? { kind: 'case' as const, municipalityId: mid, id: caseId };
}

/** 連絡の間隔 of a case in ongoing support (伴走支援): who is due contact and when. */
export async function viewCaseCadence(ctx: Ctx, caseId: string): Promise<CaseCadenceView> {
  return inTransaction(ctx, async (tx) => {
    const facts = await openCaseFacts(tx, caseId);
    const basis = authorize(tx, 'read', facts, { auditAction: 'contact_cadence.read' });
    await audit(tx, { action: 'contact_cadence.read', targetType: 'case', targetId: caseId, basis });
    const kase = await tx.db.selectFrom('support_case').select('status').where('municipality_id', '=', tx.actor.municipalityId).where('case_id', '=', caseId).executeTakeFirst();
    const canEdit = kase?.status === 'open' && can(tx.actor, 'update', facts, { now: tx.now }).allowed;
    return caseCadenceView(tx, caseId, canEdit);
  });
}

export async function setCaseCadence(ctx: Ctx, caseId: string, input: { intervalDays: number | null }): Promise<CaseCadenceView> {
  return inTransaction(ctx, async (tx) => {
    const facts = await openCaseFacts(tx, caseId);
    const basis = authorize(tx, 'update', facts, { auditAction: 'contact_cadence.update' });
    const kase = await tx.db.selectFrom('support_case').select('status').where('municipality_id', '=', tx.actor.municipalityId).where('case_id', '=', caseId).executeTakeFirst();
    if (kase?.status !== 'open') throw new AppError('invalid', { fields: [{ path: 'intervalDays', message: '支援中のケースにだけ連絡の間隔を設定できます。' }] });
    const result = await writeCadence(tx, { caseId }, input.intervalDays, agencyFor(tx, facts.ownerAgencyIds, facts.teamAgencyIds));
    await audit(tx, { action: 'contact_cadence.update', targetType: 'case', targetId: caseId, basis, details: { result, intervalDays: input.intervalDays } });
    return caseCadenceView(tx, caseId, true);
  });
}
