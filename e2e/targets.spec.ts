import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { signIn } from './support.js';

test.describe.configure({ mode: 'serial' });

/** 年度 of today in Japan (April–March). */
function currentFiscalYear(): number {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit' }).format(new Date()).split('-').map(Number);
  return m! >= 4 ? y! : y! - 1;
}

const planName = `E2E 地域福祉計画 ${Date.now()}`;
const fy = currentFiscalYear();
const CUSTOM = '𠮷田地区の見守り訪問';
let page: Page;
let actualText: string;
const actualNumber = () => Number(actualText.replace(/,/g, ''));
/** 達成率 as the page shows it for a target of 1,200. */
const percent = () => `${(Math.round((actualNumber() / 1200) * 1000) / 10).toFixed(1)}%`;

const table = () => page.getByRole('table', { name: '目標と実績' });
const row = (label: string) => table().getByRole('row').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
const cell = (label: string, column: number) => row(label).getByRole('cell').nth(column);

async function download(menuItem: string) {
  await page.getByRole('button', { name: 'ダウンロード' }).click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: menuItem }).click()]);
  return file;
}

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  await signIn(page, 'admin');
});
test.afterAll(async () => {
  await page.close();
});

test('the administrator registers a plan and sets a target; the actual comes from the records', async () => {
  await page.goto('/analytics/targets');
  await expect(page.getByRole('heading', { name: '計画と目標', level: 1 })).toBeVisible();
  // The demo plan is there.
  await expect(page.getByLabel('計画', { exact: true })).toContainText('重層的支援体制整備事業実施計画');

  await page.getByRole('button', { name: '計画を登録' }).click();
  const dialog = page.getByRole('dialog', { name: '計画の登録' });
  await dialog.getByLabel('計画の種類').selectOption({ label: '地域福祉計画' });
  await dialog.getByLabel('計画の名前').fill(planName);
  await dialog.getByRole('button', { name: '登録する' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel('計画', { exact: true })).toHaveValue(/.+/);
  await expect(page.getByLabel('計画', { exact: true }).locator('option:checked')).toContainText(planName);
  await expect(page.getByLabel('年度', { exact: true })).toHaveValue(String(fy));

  // The six statutory indicators, counted from the records; no target yet.
  await expect(row('相談受付件数')).toBeVisible();
  await expect(table().getByRole('row')).toHaveCount(7);
  actualText = ((await cell('相談受付件数', 2).textContent()) ?? '').trim();
  expect(actualText).toMatch(/^\d{1,3}(,\d{3})*$/);
  await expect(cell('相談受付件数', 1)).toHaveText('—');
  await expect(cell('相談受付件数', 4)).toHaveText('記録から集計');

  await page.getByRole('button', { name: '相談受付件数を編集' }).click();
  const edit = page.getByRole('dialog', { name: /相談受付件数/ });
  await expect(edit.getByText('法定の指標の実績は記録から集計されるため、入力できません。')).toBeVisible();
  await edit.getByLabel('目標値').fill('1200');
  await edit.getByLabel('評価・改善（PDCA）').fill('窓口の周知を強化し、学校からの相談を増やす。');
  await edit.getByRole('button', { name: '保存する' }).click();
  await expect(edit).toBeHidden();
  await expect(cell('相談受付件数', 1)).toHaveText('1,200');
  await expect(cell('相談受付件数', 3)).toHaveText(percent());
  await expect(cell('相談受付件数', 5)).toHaveText('窓口の周知を強化し、学校からの相談を増やす。');
  await expect(page.getByRole('img', { name: `${fy}年度（令和${fy - 2018}年度）の目標と実績のグラフ` })).toBeVisible();

  // A custom indicator with an actual entered by hand.
  await page.getByLabel('指標の名前').fill(CUSTOM);
  await page.getByLabel('単位', { exact: true }).fill('件');
  await page.getByRole('button', { name: '独自の指標を追加' }).click();
  await expect(row(CUSTOM)).toBeVisible();
  await page.getByRole('button', { name: `${CUSTOM}を編集` }).click();
  const custom = page.getByRole('dialog', { name: new RegExp(CUSTOM) });
  await custom.getByLabel('目標値').fill('40');
  await custom.getByLabel('実績値（手入力）').fill('30');
  await custom.getByRole('button', { name: '保存する' }).click();
  await expect(custom).toBeHidden();
  await expect(cell(CUSTOM, 3)).toHaveText('75.0%');
  await expect(cell(CUSTOM, 4)).toHaveText('手入力');
});

test('downloads the table as Excel (XLSX) and reads it back', async () => {
  const file = await download('Excel（XLSX）');
  expect(file.suggestedFilename()).toBe(`目標と実績_${planName}_${fy}年度.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile((await file.path())!)) as unknown as ArrayBuffer);
  const ws = workbook.worksheets[0]!;
  expect(ws.getRow(1).values).toEqual([undefined, '指標', '単位', '目標', '実績', '達成率', '実績の出どころ', '評価・改善']);
  const rows = new Map<string, unknown[]>();
  ws.eachRow((r, n) => {
    if (n > 1) rows.set(String(r.getCell(1).value), (r.values as unknown[]).slice(2));
  });
  expect(rows.get('相談受付件数')).toEqual(['件', 1200, actualNumber(), percent(), '記録から集計', '窓口の周知を強化し、学校からの相談を増やす。']);
  expect(rows.get(CUSTOM)).toEqual(['件', 40, 30, '75.0%', '手入力']);
  expect(rows.size).toBe(7);
});

test('downloads Shift_JIS CSV: the file reads back in CP932 and the characters that became 〓 are listed', async () => {
  const file = await download('CSV（Shift_JIS）');
  expect(file.suggestedFilename()).toBe(`目標と実績_${planName}_${fy}年度.csv`);
  const text = iconv.decode(await readFile((await file.path())!), 'cp932');
  const lines = text.split('\r\n');
  expect(lines[0]).toBe('指標,単位,目標,実績,達成率,実績の出どころ,評価・改善');
  expect(lines).toContain(`相談受付件数,件,1200,${actualNumber()},${percent()},記録から集計,窓口の周知を強化し、学校からの相談を増やす。`);
  expect(lines).toContain('〓田地区の見守り訪問,件,40,30,75.0%,手入力,');

  const report = page.getByRole('dialog', { name: 'Shift_JIS で表せない文字がありました' });
  await expect(report).toBeVisible();
  const entry = report.getByRole('table', { name: '置き換わった文字' }).getByRole('row').nth(1);
  await expect(entry.getByRole('cell')).toHaveText(['𠮷', 'U+20BB7', '7', '指標']);
  // UTF-8 keeps the character.
  const [utf8] = await Promise.all([page.waitForEvent('download'), report.getByRole('button', { name: 'UTF-8 のCSVをダウンロード' }).click()]);
  const bytes = await readFile((await utf8.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.subarray(3).toString('utf8')).toContain(`${CUSTOM},件,40,30,75.0%,手入力,`);
});

