/** XLSX of a stored 按分 run: 請求額 (part × silo), 負担者別, 集計 (繰出金・単価), 按分明細, 按分キー. */
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { toXlsx } from '../platform/export/xlsx.js';
import { AppError } from '../platform/http/errors.js';
import { authorizeFunding } from './funding-access.js';
import { COST_KIND_LABELS, KEY_LABELS, PART_LABELS, PAYER_LABELS, PAYERS, SILO_LABELS } from './funding-codes.js';
import { type LoadedRun, loadRun } from './run.repo.js';

export function runSheets(run: LoadedRun) {
  const payerHeader = PAYERS.map((p) => `${PAYER_LABELS[p]}（円）`);
  return [
    {
      name: '請求額',
      header: ['交付金の区分', '分野', '按分額（円）', '基準額（円）', '請求額（円）', ...payerHeader, '設定の版', 'サンプル値'],
      rows: run.claims.map((c) => [
        PART_LABELS[c.part],
        SILO_LABELS[c.silo],
        c.allocatedYen,
        c.baseAmountYen,
        c.claimedYen,
        ...PAYERS.map((p) => c.payers?.[p] ?? null),
        c.rateVersionNo,
        c.isSample ? 'サンプル' : '',
      ]),
    },
    {
      name: '集計',
      header: ['項目', '値'],
      rows: [
        ['年度', run.fiscalYear],
        ['按分キー', KEY_LABELS[run.key]],
        ['経費合計（円）', run.totalCostYen],
        ['按分額合計（円）', run.allocatedYen],
        ['請求額合計（円）', run.claimedYen],
        ...PAYERS.map((p): [string, number] => [`${PAYER_LABELS[p]}負担額（円）`, run.payerTotals[p]]),
        ['介護保険特別会計からの繰出金（円）', run.insuranceTransferYen],
        ['新規相談件数', run.newConsultations],
        ['新規相談1件あたり経費（円）', run.costPerNewConsultationYen],
        ['人口', run.population],
        ['人口10万人あたり新規相談件数', run.newConsultationsPer100k],
      ],
    },
    {
      name: '按分明細',
      header: ['経費', '種別', '経費額（円）', '交付金の区分', '分野', 'キーの値', 'キーの合計', '按分額（円）'],
      rows: run.lines.map((l) => [l.costLabel, COST_KIND_LABELS[l.costKind], l.costAmountYen, PART_LABELS[l.part], SILO_LABELS[l.silo], l.weight, l.weightTotal, l.amountYen]),
    },
    {
      name: '按分キー',
      header: ['分野', '交付金の区分', '集計元', '値'],
      rows: run.keys.map((k) => [SILO_LABELS[k.silo], k.part ? PART_LABELS[k.part] : '', k.sourceLabel, k.count]),
    },
  ];
}

export async function exportRun(ctx: Ctx, runId: string): Promise<{ bytes: Buffer; fileName: string }> {
  const run = await inTransaction(ctx, async (tx) => {
    const basis = authorizeFunding(tx, 'read', 'funding.run.export', runId);
    const loaded = await loadRun(tx.db, tx.actor.municipalityId, runId);
    if (!loaded) throw new AppError('not_found');
    await audit(tx, { action: 'funding.run.export', targetType: 'funding_run', targetId: runId, basis, details: { fiscalYear: loaded.fiscalYear, format: 'xlsx' } });
    return loaded;
  });
  return { bytes: await toXlsx(runSheets(run)), fileName: `funding-${run.fiscalYear}-${run.key}.xlsx` };
}
