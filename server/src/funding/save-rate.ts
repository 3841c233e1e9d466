/**
 * Changes one 交付金 rate (fiscal year × part × silo × population bracket) by inserting a new version;
 * earlier versions stay. Optimistic concurrency: the caller names the version it edited
 * (`expectedVersionNo`, 0 for a new rate); another change in between is a `conflict`, also when two
 * changes race (the unique version number rejects the second).
 */
import type { z } from 'zod';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { newId } from '../platform/db/ids.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { authorizeFunding } from './funding-access.js';
import type { RateBody } from './funding.schemas.js';
import { rateView } from './funding.repo.js';

type RateInput = z.output<typeof RateBody>;

/** Problems with a rate that Zod cannot see: the ratios must add up to the whole (100%). */
export function rateProblems(input: Pick<RateInput, 'ratios' | 'populationFrom' | 'populationTo'>): { path: string; message: string }[] {
  const { denominator, kuni, todofuken, shichoson, hoken1, hoken2 } = input.ratios;
  const problems: { path: string; message: string }[] = [];
  if (kuni + todofuken + shichoson + hoken1 + hoken2 !== denominator) problems.push({ path: 'ratios', message: '負担割合の合計が100%になっていません。' });
  if (input.populationTo !== null && input.populationTo <= input.populationFrom) problems.push({ path: 'populationTo', message: '人口区分の上限は下限より大きくしてください。' });
  return problems;
}

const isUniqueViolation = (err: unknown) => typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';

export async function saveRate(ctx: Ctx, input: RateInput) {
  return inTransaction(ctx, async (tx) => {
    const basis = authorizeFunding(tx, 'update', 'funding.rate.save');
    const problems = rateProblems(input);
    if (problems.length > 0) throw new AppError('invalid', { fields: problems });
    const mid = tx.actor.municipalityId;
    const latest = await tx.db
      .selectFrom('funding_rate')
      .select((eb) => eb.fn.max('version_no').as('v'))
      .where('municipality_id', '=', mid)
      .where('fiscal_year', '=', input.fiscalYear)
      .where('part', '=', input.part)
      .where('silo', '=', input.silo)
      .where('population_from', '=', input.populationFrom)
      .executeTakeFirst();
    if (Number(latest?.v ?? 0) !== input.expectedVersionNo) throw new AppError('conflict');
    const rateId = newId();
    const { ratios } = input;
    try {
      await tx.db
        .insertInto('funding_rate')
        .values({
          municipality_id: mid,
          rate_id: rateId,
          fiscal_year: input.fiscalYear,
          part: input.part,
          silo: input.silo,
          population_from: input.populationFrom,
          population_to: input.populationTo,
          version_no: input.expectedVersionNo + 1,
          base_amount_yen: input.baseAmountYen,
          ratio_denominator: ratios.denominator,
          ratio_kuni: ratios.kuni,
          ratio_todofuken: ratios.todofuken,
          ratio_shichoson: ratios.shichoson,
          ratio_hoken1: ratios.hoken1,
          ratio_hoken2: ratios.hoken2,
          rounding: input.rounding,
          is_sample: input.isSample,
          note: input.note,
          created_by_user_id: tx.actor.userId,
          created_at: tx.now,
          updated_at: tx.now,
        })
        .execute();
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('conflict');
      throw err;
    }
    const details = { fiscalYear: input.fiscalYear, part: input.part, silo: input.silo, populationFrom: input.populationFrom, versionNo: input.expectedVersionNo + 1 };
    await audit(tx, { action: 'funding.rate.save', targetType: 'funding_rate', targetId: rateId, basis, details });
    const row = await tx.db.selectFrom('funding_rate').selectAll().where('municipality_id', '=', mid).where('rate_id', '=', rateId).executeTakeFirstOrThrow();
    return rateView(row);
  });
}
