import { expect, type Page, test } from '@playwright/test';
import { choose, signIn } from './support.js';

test.describe.configure({ mode: 'serial' });

const STATUTORY = ['相談受付件数', '参加支援 支援対象者数', '参加支援 協力事業者数', '地域づくり 拠点数', '地域づくり 参加者数', '地域づくり 参加機関数'];

/** The number on one statutory card. */
async function card(page: Page, label: string): Promise<number> {
  const text = (await page.getByRole('list', { name: '法定の指標' }).getByRole('listitem', { name: label }).textContent()) ?? '';
  const digits = text.replace(label, '').replace(/[^\d]/g, '');
  expect(digits, `${label}: ${text}`).not.toBe('');
  return Number(digits);
}

test('an administrator opens 見える化, reads the statutory cards, switches a chart to its table and filters by 圏域', async ({ page }) => {
  await signIn(page, 'admin');
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '見える化' }).click();
  await expect(page.getByRole('heading', { name: '見える化', level: 1 })).toBeVisible();
  const cards = page.getByRole('list', { name: '法定の指標' });
  await expect(cards.getByRole('listitem')).toHaveCount(6);
  const all = new Map<string, number>();
  for (const label of STATUTORY) all.set(label, await card(page, label));
  expect(all.get('地域づくり 拠点数')).toBeGreaterThan(0);

  // 月別の推移: the chart, then its table (12 months and a header row)
  const monthly = page.getByRole('img', { name: '月別の推移のグラフ' });
  await expect(monthly).toBeVisible();
  await page.getByRole('radiogroup', { name: '月別の推移のグラフ 表示' }).getByText('表', { exact: true }).click();
  const table = page.getByRole('table', { name: '月別の推移の表' });
  await expect(table).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(13);
  await expect(table.getByRole('columnheader', { name: '相談受付件数（件）' })).toBeVisible();
  await expect(page.getByRole('img', { name: '月別の推移のグラフ' })).toHaveCount(0);

  // The referral-flow Sankey has a table view too
  await expect(page.getByRole('radiogroup', { name: '機関から機関へのつなぎのサンキー図 表示' })).toBeVisible();

  // 圏域: 東部圏域 only
  await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/v1/analytics/dashboard') && r.url().includes('areaId=') && r.ok()),
    choose(page, page.getByRole('textbox', { name: '圏域', exact: true }), '東部圏域', true),
  ]);
  await expect(page.getByRole('textbox', { name: '圏域', exact: true })).toHaveValue('東部圏域');
  // The cards re-render after the filtered answer arrives: wait for the new figure, not the response alone.
  await expect.poll(() => card(page, '地域づくり 拠点数')).toBeLessThan(all.get('地域づくり 拠点数')!);
  const east = await card(page, '地域づくり 拠点数');
  expect(east).toBeGreaterThan(0);
  expect(await card(page, '相談受付件数')).toBeLessThanOrEqual(all.get('相談受付件数')!);
});

test('a caseworker has no 見える化: the server refuses the page and the API', async ({ page }) => {
  await signIn(page, 'houkatsu1');
  await page.goto('/analytics');
  await expect(page.getByText('この操作を行う権限がありません。')).toBeVisible();
  await expect(page.getByRole('list', { name: '法定の指標' })).toHaveCount(0);
  const res = await page.request.get('/api/v1/analytics/dashboard');
  expect(res.status()).toBe(403);
});
