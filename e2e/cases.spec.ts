import { expect, test } from '@playwright/test';
import { choose, signIn } from './support.js';

test.describe.configure({ mode: 'serial' });

let casePath = '';

test('a 地域包括 worker opens a case and asks the 自立相談支援機関 to take the lead', async ({ page }) => {
  await signIn(page, 'houkatsu1');
  await page.goto('/consultation/households/new');
  await page.getByLabel('世帯の呼び名').fill('引継さん世帯');
  await page.getByRole('button', { name: '登録' }).click();
  await expect(page.getByRole('heading', { name: '引継さん世帯' })).toBeVisible();
  await page.getByRole('button', { name: 'ケースを開始' }).click();
  await expect(page.getByRole('table', { name: 'ケース一覧' }).getByText('支援中')).toBeVisible();
  await page.getByRole('table', { name: 'ケース一覧' }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: '引継さん世帯 のケース' })).toBeVisible();
  casePath = new URL(page.url()).pathname;
  await choose(page, page.getByRole('textbox', { name: '依頼先の機関' }), /くらしサポートセンター/);
  await page.getByLabel('依頼理由').fill('家計と就労の支援が中心になるため');
  await page.getByRole('button', { name: '依頼する' }).click();
  await expect(page.getByText(/主担当の変更を依頼中/)).toBeVisible();
});

test('the receiving agency accepts and becomes 主担当', async ({ page }) => {
  await signIn(page, 'jiritsu');
  await page.goto(casePath);
  await expect(page.getByRole('heading', { name: '引継さん世帯 のケース' })).toHaveCount(0);
  await page.goto('/consultation/transfers');
  const row = page.getByRole('table', { name: '受信した依頼' }).getByRole('row').filter({ hasText: '引継さん世帯' });
  await row.getByRole('button', { name: '受理する' }).click();
  await expect(page.getByRole('heading', { name: '引継さん世帯 のケース' })).toBeVisible();
  await expect(page.getByRole('table', { name: '主担当の履歴' }).getByRole('row')).toHaveCount(3);
});
