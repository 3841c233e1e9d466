/** 経費の登録・変更・削除 (municipal configuration), versioned and audited; hours by 事業 are replaced whole. */
import type { z } from 'zod';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { newId } from '../platform/db/ids.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { authorizeFunding } from './funding-access.js';
import type { CostBody, CostUpdateBody } from './funding.schemas.js';
import { loadCosts } from './funding.repo.js';

type CostInput = z.output<typeof CostBody>;

async function check(tx: Ctx, input: CostInput) {
  const problems: { path: string; message: string }[] = [];
  const cells = new Set<string>();
  input.hours.forEach((h, i) => {
    const k = `${h.part}:${h.silo}`;
    if (cells.has(k)) problems.push({ path: `hours.${i}`, message: '同じ事業の従事時間が重複しています。' });
    cells.add(k);
  });
  if (input.kind !== 'staff' && input.hours.some((h) => h.hours > 0)) problems.push({ path: 'hours', message: '従事時間は職員の経費にだけ入力できます。' });
  if (input.agencyId) {
    const agency = await tx.db.selectFrom('agency').select('agency_id').where('municipality_id', '=', tx.actor.municipalityId).where('agency_id', '=', input.agencyId).executeTakeFirst();
    if (!agency) problems.push({ path: 'agencyId', message: '登録されていない機関です。' });
  }
  if (problems.length > 0) throw new AppError('invalid', { fields: problems });
}

async function writeHours(tx: Ctx, costId: string, input: CostInput) {
  const mid = tx.actor.municipalityId;
  await tx.db.deleteFrom('funding_cost_hours').where('municipality_id', '=', mid).where('cost_id', '=', costId).execute();
  const rows = input.hours.filter((h) => h.hours > 0).map((h) => ({ municipality_id: mid, cost_id: costId, part: h.part, silo: h.silo, hours: h.hours, created_at: tx.now, updated_at: tx.now }));
  if (rows.length > 0) await tx.db.insertInto('funding_cost_hours').values(rows).execute();
}

const columns = (input: CostInput) => ({
  fiscal_year: input.fiscalYear,
  kind: input.kind,
  label: input.label,
  agency_id: input.agencyId,
  part: input.part,
  amount_yen: input.amountYen,
  note: input.note,
});
const auditDetails = (input: CostInput) => ({ fiscalYear: input.fiscalYear, kind: input.kind, part: input.part, amountYen: input.amountYen });

export async function createCost(ctx: Ctx, input: CostInput) {
  return inTransaction(ctx, async (tx) => {
    const basis = authorizeFunding(tx, 'update', 'funding.cost.create');
    await check(tx, input);
    const mid = tx.actor.municipalityId;
    const costId = newId();
    await tx.db
      .insertInto('funding_cost')
      .values({ municipality_id: mid, cost_id: costId, ...columns(input), created_by_user_id: tx.actor.userId, created_at: tx.now, updated_at: tx.now })
      .execute();
    await writeHours(tx, costId, input);
    await audit(tx, { action: 'funding.cost.create', targetType: 'funding_cost', targetId: costId, basis, details: auditDetails(input) });
    return (await loadCosts(tx.db, mid, { costId }))[0]!;
  });
}

export async function updateCost(ctx: Ctx, costId: string, input: z.output<typeof CostUpdateBody>) {
  return inTransaction(ctx, async (tx) => {
    const basis = authorizeFunding(tx, 'update', 'funding.cost.update', costId);
    const mid = tx.actor.municipalityId;
    if ((await loadCosts(tx.db, mid, { costId })).length === 0) throw new AppError('not_found');
    await check(tx, input);
    const r = await tx.db
      .updateTable('funding_cost')
      .set((eb) => ({ ...columns(input), updated_at: tx.now, version: eb('version', '+', 1) }))
      .where('municipality_id', '=', mid)
      .where('cost_id', '=', costId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new AppError('conflict');
    await writeHours(tx, costId, input);
    await audit(tx, { action: 'funding.cost.update', targetType: 'funding_cost', targetId: costId, basis, details: auditDetails(input) });
    return (await loadCosts(tx.db, mid, { costId }))[0]!;
  });
}

export async function deleteCost(ctx: Ctx, costId: string, version: number) {
  return inTransaction(ctx, async (tx) => {
    const basis = authorizeFunding(tx, 'update', 'funding.cost.delete', costId);
    const mid = tx.actor.municipalityId;
    const current = (await loadCosts(tx.db, mid, { costId }))[0];
    if (!current) throw new AppError('not_found');
    if (current.version !== version) throw new AppError('conflict');
    await tx.db.deleteFrom('funding_cost').where('municipality_id', '=', mid).where('cost_id', '=', costId).where('version', '=', version).execute();
    await audit(tx, { action: 'funding.cost.delete', targetType: 'funding_cost', targetId: costId, basis, details: { fiscalYear: current.fiscalYear, kind: current.kind, amountYen: current.amountYen } });
  });
}
