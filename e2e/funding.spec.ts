import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { signIn } from './support.js';

test.describe.configure({ mode: 'serial' });

/** 年度 of today in Japan (April–March). */
function currentFiscalYear(): number {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit' }).format(new Date()).split('-').map(Number);
  return m! >= 4 ? y! : y! - 1;
}

// Next 年度 has no demo costs or rates: everything in it is made here.
const fy = currentFiscalYear() + 1;
const LABEL = `E2E 相談支援員 ${Date.now()}`;
let page: Page;

const summary = (label: string) => page.getByRole('table', { name: '集計' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) }).getByRole('cell');
const claimRow = (part: string, silo: string) =>
  page
    .getByRole('table', { name: '区分・分野別の請求額' })
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: part, exact: true }) })
    .filter({ has: page.getByRole('cell', { name: silo, exact: true }) });

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  await signIn(page, 'admin');
});
test.afterAll(async () => {
  await page.close();
});

test('the demo year ships the ratios with sample base amounts, labelled サンプル', async () => {
  await page.goto('/funding');
  await expect(page.getByRole('heading', { name: '交付金・経費按分', level: 1 })).toBeVisible();
  await expect(page.getByText('サンプル値の設定が含まれます。交付要綱の値に置き換えてください。')).toBeVisible();
  const rates = page.getByRole('table', { name: '交付金の設定' });
  await expect(rates.getByRole('row')).toHaveCount(13);
  await expect(rates.getByRole('row').filter({ hasText: '包括的相談支援分' }).filter({ hasText: '介護' })).toContainText('国 38.5%・都道府県 19.25%・市町村 19.25%・第1号保険料 23%');
});

test('the administrator sets a rate, enters a cost and runs 按分; the totals add up to the cost', async () => {
  await page.getByLabel('年度', { exact: true }).selectOption(String(fy));
  await expect(page.getByText('この年度の設定はまだありません。')).toBeVisible();

  await page.getByRole('button', { name: '設定を追加' }).click();
  const rate = page.getByRole('dialog', { name: '交付金の設定（新しい版として保存）' });
  await rate.getByLabel('交付金の区分').selectOption({ label: '包括的相談支援分' });
  await rate.getByLabel('分野').selectOption({ label: '介護' });
  await rate.getByLabel('負担割合の分母').fill('400');
  await rate.getByLabel('国', { exact: true }).fill('154');
  await rate.getByLabel('都道府県', { exact: true }).fill('77');
  await rate.getByLabel('市町村', { exact: true }).fill('77');
  await rate.getByLabel('第1号保険料', { exact: true }).fill('92');
  await expect(rate.getByRole('status')).toHaveText('分子の合計 400 ／ 分母 400');
  await rate.getByRole('button', { name: '保存' }).click();
  await expect(rate).toBeHidden();
  await expect(page.getByRole('table', { name: '交付金の設定' })).toContainText('第1版');

  await page.getByRole('button', { name: '経費を登録' }).click();
  const cost = page.getByRole('dialog', { name: '経費' });
  await cost.getByLabel('職名・氏名・内容').fill(LABEL);
  await cost.getByLabel('種別').selectOption({ label: '職員' });
  await cost.getByLabel('交付金の区分').selectOption({ label: '包括的相談支援分' });
  await cost.getByLabel('年間の金額（円）').fill('1234567');
  await cost.getByLabel('包括的相談支援分・介護（時間）').fill('3');
  await cost.getByLabel('包括的相談支援分・困窮（時間）').fill('1');
  await cost.getByRole('button', { name: '保存' }).click();
  await expect(cost).toBeHidden();
  await expect(page.getByRole('table', { name: '経費' })).toContainText('1,234,567円');
  await expect(page.getByText('経費合計 1,234,567円')).toBeVisible();

  await page.getByLabel('按分キー').selectOption({ label: '従事時間' });
  await page.getByRole('button', { name: '按分を実行' }).click();
  await expect(summary('経費合計')).toHaveText('1,234,567円');
  await expect(summary('按分額合計')).toHaveText('1,234,567円');
  // 3 : 1 → 925,925.25 and 308,641.75: the yen left goes to the larger remainder (困窮).
  await expect(claimRow('包括的相談支援分', '介護').getByRole('cell').nth(2)).toHaveText('925,925円');
  await expect(claimRow('包括的相談支援分', '困窮').getByRole('cell').nth(2)).toHaveText('308,642円');
  // 千円未満切捨て → 925,000; 国 38.5% = 356,125, 第1号 23% = 212,750 (the 保険料繰出金).
  await expect(claimRow('包括的相談支援分', '介護').getByRole('cell').nth(4)).toHaveText('925,000円');
  await expect(claimRow('包括的相談支援分', '介護').getByRole('cell').nth(5)).toHaveText('356,125円');
  await expect(summary('介護保険特別会計からの繰出金（第1号・第2号保険料分）')).toHaveText('212,750円');

  await page.getByRole('button', { name: '内訳 包括的相談支援分 介護' }).click();
  const trace = page.getByRole('dialog', { name: '包括的相談支援分・介護 の内訳' });
  await expect(trace.getByRole('table', { name: '経費ごとの按分額' }).getByRole('row').filter({ hasText: LABEL })).toContainText('925,925円');
  await expect(trace.getByRole('table', { name: '按分キーの集計元' }).getByRole('row').filter({ hasText: LABEL })).toContainText('3');
  await trace.getByRole('button', { name: '閉じる' }).click();
  await expect(trace).toBeHidden();
});

test('the run downloads as XLSX with the same figures', async () => {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Excelでダウンロード' }).click()]);
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await readFile((await file.path())!)) as unknown as ArrayBuffer);
  const rows = (name: string) => (book.getWorksheet(name)!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
  const claim = rows('請求額').find((r) => r[0] === '包括的相談支援分' && r[1] === '介護')!;
  expect(claim.slice(2, 6)).toEqual([925_925, undefined, 925_000, 356_125]);
  const totals = Object.fromEntries(rows('集計').map((r) => [r[0], r[1]]));
  expect(totals['経費合計（円）']).toBe(1_234_567);
  expect(totals['按分額合計（円）']).toBe(1_234_567);
  expect(rows('按分明細').filter((r) => r[0] === LABEL).reduce((s, r) => s + Number(r[7]), 0)).toBe(1_234_567);
});
