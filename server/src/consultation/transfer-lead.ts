import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { newId } from '../platform/db/ids.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { type CaseView, caseFacts, changeLead, loadCase, toCaseView } from './case.repo.js';

async function bumpCase(ctx: Ctx, caseId: string, version: number, set: { lead_agency_id?: string } = {}) {
  const r = await ctx.db
    .updateTable('support_case')
    .set((eb) => ({ ...set, updated_at: ctx.now, version: eb('version', '+', 1) }))
    .where('municipality_id', '=', ctx.actor.municipalityId)
    .where('case_id', '=', caseId)
    .where('version', '=', version)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw new AppError('conflict');
}

const view = async (ctx: Ctx, caseId: string) => toCaseView((await loadCase(ctx.db, ctx.actor.municipalityId, caseId))!);

/** 主担当の変更を依頼: only the current lead asks; the case keeps its lead until the receiver accepts. */
export async function requestLeadTransfer(ctx: Ctx, caseId: string, input: { toAgencyId: string; reason: string; version: number }): Promise<CaseView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const facts = (await caseFacts(tx.db, mid, caseId)) ?? { kind: 'case' as const, municipalityId: mid, id: caseId };
    const basis = authorize(tx, 'update', facts);
    const from = facts.ownerAgencyIds?.[0];
    if (from === input.toAgencyId) throw new AppError('invalid', { fields: [{ path: 'toAgencyId', message: '現在の主担当とは別の機関を選んでください。' }] });
    const target = await tx.db.selectFrom('agency').select('agency_id').where('municipality_id', '=', mid).where('agency_id', '=', input.toAgencyId).where('status', '=', 'active').executeTakeFirst();
    if (!target) throw new AppError('invalid', { fields: [{ path: 'toAgencyId', message: '依頼先の機関が見つかりません。' }] });
    const pending = (await loadCase(tx.db, mid, caseId))?.pending;
    if (pending) throw new AppError('conflict', undefined, '主担当の変更を依頼中です。取り消してから依頼し直してください。');
    await bumpCase(tx, caseId, input.version);
    const transferId = newId();
    await tx.db
      .insertInto('case_lead_transfer')
      .values({ municipality_id: mid, transfer_id: transferId, case_id: caseId, from_agency_id: from!, to_agency_id: input.toAgencyId, reason: input.reason, requested_by_user_id: tx.actor.userId, requested_at: tx.now })
      .execute();
    await audit(tx, { action: 'case.transfer_requested', targetType: 'case', targetId: caseId, basis, details: { transferId, toAgencyId: input.toAgencyId } });
    return view(tx, caseId);
  });
}

/** 依頼を取り消す (the sending lead). */
export async function cancelLeadTransfer(ctx: Ctx, caseId: string, input: { version: number }): Promise<CaseView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const basis = authorize(tx, 'update', (await caseFacts(tx.db, mid, caseId)) ?? { kind: 'case', municipalityId: mid, id: caseId });
    await bumpCase(tx, caseId, input.version);
    const r = await tx.db
      .updateTable('case_lead_transfer')
      .set({ status: 'cancelled', decided_by_user_id: tx.actor.userId, decided_at: tx.now })
      .where('municipality_id', '=', mid)
      .where('case_id', '=', caseId)
      .where('status', '=', 'requested')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new AppError('not_found', undefined, '取り消す依頼がありません。');
    await audit(tx, { action: 'case.transfer_cancelled', targetType: 'case', targetId: caseId, basis });
    return view(tx, caseId);
  });
}

/** A pending transfer addressed to one of the actor's agencies, or not_found. */
async function pendingForMe(ctx: Ctx, transferId: string) {
  const t = await ctx.db
    .selectFrom('case_lead_transfer')
    .selectAll()
    .where('municipality_id', '=', ctx.actor.municipalityId)
    .where('transfer_id', '=', transferId)
    .where('status', '=', 'requested')
    .executeTakeFirst();
  // The receiving agency acts on it as the would-be owner of the case; anyone else (or an unknown
  // transfer) is refused by the policy: not_found, audited.
  const basis = authorize(ctx, 'update', { kind: 'case', municipalityId: ctx.actor.municipalityId, id: t?.case_id ?? transferId, ownerAgencyIds: t ? [t.to_agency_id] : [] }, { auditAction: 'case.transfer_answer' });
  if (!t) throw new AppError('not_found');
  return { t, basis };
}

/** 受理する: the receiving agency becomes 主担当 in the same transaction that closes the request. */
export async function acceptLeadTransfer(ctx: Ctx, transferId: string): Promise<CaseView> {
  return inTransaction(ctx, async (tx) => {
    const { t, basis } = await pendingForMe(tx, transferId);
    const current = (await loadCase(tx.db, tx.actor.municipalityId, t.case_id))!;
    await bumpCase(tx, t.case_id, current.row.version, { lead_agency_id: t.to_agency_id });
    await tx.db.updateTable('case_lead_transfer').set({ status: 'accepted', decided_by_user_id: tx.actor.userId, decided_at: tx.now }).where('municipality_id', '=', t.municipality_id).where('transfer_id', '=', transferId).execute();
    await changeLead(tx.db, t.municipality_id, t.case_id, t.to_agency_id, tx.now);
    await audit(tx, { action: 'case.transfer_accepted', targetType: 'case', targetId: t.case_id, basis, details: { transferId, fromAgencyId: t.from_agency_id } });
    return view(tx, t.case_id);
  });
}

/** 受理しない (with a reason): the lead stays where it was. */
export async function declineLeadTransfer(ctx: Ctx, transferId: string, reason: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const { t, basis } = await pendingForMe(tx, transferId);
    await tx.db
      .updateTable('case_lead_transfer')
      .set({ status: 'declined', decided_by_user_id: tx.actor.userId, decided_at: tx.now, decline_reason: reason })
      .where('municipality_id', '=', t.municipality_id)
      .where('transfer_id', '=', transferId)
      .execute();
    await audit(tx, { action: 'case.transfer_declined', targetType: 'case', targetId: t.case_id, basis, details: { transferId } });
  });
}

/** 受信した依頼: transfer requests addressed to the actor's agencies (household label and reason only). */
export async function transferInbox(ctx: Ctx) {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const basis = authorize(tx, 'list', { kind: 'case', municipalityId: mid, ownerAgencyIds: [...tx.actor.agencyIds] });
    const rows = await tx.db
      .selectFrom('case_lead_transfer as t')
      .innerJoin('support_case as c', (j) => j.onRef('c.municipality_id', '=', 't.municipality_id').onRef('c.case_id', '=', 't.case_id'))
      .innerJoin('household as h', (j) => j.onRef('h.municipality_id', '=', 'c.municipality_id').onRef('h.household_id', '=', 'c.household_id'))
      .innerJoin('agency as a', (j) => j.onRef('a.municipality_id', '=', 't.municipality_id').onRef('a.agency_id', '=', 't.from_agency_id'))
      .select(['t.transfer_id', 't.case_id', 'h.label', 'a.name', 't.to_agency_id', 't.reason', 't.requested_at'])
      .where('t.municipality_id', '=', mid)
      .where('t.status', '=', 'requested')
      .where('t.to_agency_id', 'in', [...tx.actor.agencyIds])
      .orderBy('t.requested_at')
      .execute();
    await audit(tx, { action: 'case.transfer_inbox', targetType: 'case', basis, details: { returned: rows.length } });
    return {
      items: rows.map((r) => ({ transferId: r.transfer_id, caseId: r.case_id, householdLabel: r.label, fromAgencyName: r.name, toAgencyId: r.to_agency_id, reason: r.reason, requestedAt: new Date(r.requested_at).toISOString() })),
    };
  });
}
