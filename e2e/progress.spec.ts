import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import iconv from 'iconv-lite';
import { signIn } from './support.js';

test.describe.configure({ mode: 'serial' });

async function downloadBytes(page: Page, button: string) {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const download = await downloading;
  return { name: download.suggestedFilename(), bytes: await readFile((await download.path())!) };
}

test('the lead records, corrects and exports the 経過一覧 of a case', async ({ page }) => {
  await signIn(page, 'houkatsu1');
  await page.goto('/consultation/households/new');
  await page.getByLabel('世帯の呼び名').fill('経過記録さん世帯');
  await page.getByRole('button', { name: '登録' }).click();
  await expect(page.getByRole('heading', { name: '経過記録さん世帯' })).toBeVisible();
  await page.getByRole('button', { name: 'ケースを開始' }).click();
  await page.getByRole('table', { name: 'ケース一覧' }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: '経過記録さん世帯 のケース' })).toBeVisible();

  await page.getByRole('link', { name: '経過一覧' }).click();
  await expect(page.getByRole('heading', { name: '支援経過記録（経過一覧）' })).toBeVisible();
  await expect(page.getByText('世帯: 経過記録さん世帯', { exact: true })).toBeVisible();

  const form = page.getByRole('form', { name: '経過を記録する' });
  await form.getByLabel('種別').selectOption({ label: '訪問' });
  await form.getByLabel('時刻').fill('10:30');
  await form.getByLabel('件名').fill('自宅訪問');
  await form.getByLabel('内容').fill('本人と面会。食事は取れている。');
  await form.getByLabel('次の予定').fill('来週電話で確認');
  await form.getByRole('button', { name: '記録する' }).click();
  await expect(page.getByText('経過を記録しました。')).toBeVisible();
  const table = page.getByRole('table', { name: '経過一覧' });
  await expect(table.getByRole('row').filter({ hasText: '自宅訪問' })).toContainText('訪問');
  await expect(table).toContainText('来週電話で確認');

  await table.getByRole('button', { name: '修正: 自宅訪問' }).click();
  const dialog = page.getByRole('dialog', { name: '経過記録を修正' });
  await dialog.getByLabel('件名').fill('自宅訪問（母同席）');
  await dialog.getByRole('button', { name: '修正を保存' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(table.getByRole('row').filter({ hasText: '自宅訪問（母同席）' })).toHaveCount(1);

  const utf8 = await downloadBytes(page, 'CSV（UTF-8）');
  expect([...utf8.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(utf8.name).toMatch(/^経過一覧_\d{8}\.csv$/);
  expect(utf8.bytes.subarray(3).toString('utf8')).toContain('自宅訪問（母同席）');

  await form.getByLabel('種別').selectOption({ label: '電話' });
  await form.getByLabel('件名').fill('民生委員から電話');
  await form.getByLabel('内容').fill('𠮷田さん（民生委員）から近況の連絡。');
  await form.getByRole('button', { name: '記録する' }).click();
  await expect(table.getByRole('row').filter({ hasText: '民生委員から電話' })).toHaveCount(1);

  await page.getByRole('button', { name: 'CSV（Shift_JIS）' }).click();
  const report = page.getByRole('dialog', { name: 'Shift_JISで表せない文字' });
  await expect(report.getByRole('alert')).toHaveText('Shift_JISで表せない文字があります。〓に置き換えて出力します。');
  const row = report.getByRole('table', { name: 'Shift_JISで表せない文字の一覧' }).getByRole('row').nth(1);
  await expect(row).toContainText('𠮷');
  await expect(row).toContainText('U+20BB7');
  await expect(row).toContainText('内容');
  const sjis = await downloadBytes(page, '〓に置き換えて出力する');
  const text = iconv.decode(sjis.bytes, 'cp932');
  expect(text).toContain('〓田さん（民生委員）から近況の連絡。');
  expect(text).not.toContain('?');

  // On paper (A4): the print header instead of the shell, the form and the buttons.
  await page.keyboard.press('Escape');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { name: '支援経過記録（経過一覧）' })).toHaveCount(1);
  await expect(page.getByText(/^印刷日: 令和/)).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'メインメニュー' })).toBeHidden();
  await expect(page.getByRole('button', { name: '印刷' })).toBeHidden();
  await expect(form).toBeHidden();
  await expect(table).toBeVisible();
});
