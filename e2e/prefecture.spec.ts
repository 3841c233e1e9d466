import { expect, test } from '@playwright/test';
import { signIn } from './support.js';

test('都道府県の集計担当者: 県内の市町村（デモ市・デモ町）の指標を少数は「—」で見て、個人の記録は開けない', async ({ page }) => {
  await signIn(page, 'pref');
  const nav = page.getByRole('navigation', { name: 'メインメニュー' });
  await expect(nav.getByRole('link', { name: '包括的相談支援' })).toHaveCount(0);
  await nav.getByRole('link', { name: '県内の集計' }).click();
  await expect(page.getByRole('heading', { name: '県内市町村の指標', level: 1 })).toBeVisible();

  const table = page.getByRole('table', { name: /^市町村別の指標/ });
  await expect(table.getByRole('rowheader', { name: 'デモ市' })).toBeVisible();
  await expect(table.getByRole('rowheader', { name: 'デモ町' })).toBeVisible();
  await expect(table.getByRole('rowheader', { name: '県内合計' })).toBeVisible();
  // デモ町 is small: some of its counts are hidden, and the note says why.
  const town = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'デモ町' }) });
  await expect(town.getByRole('cell', { name: '—', exact: true }).first()).toBeVisible();
  await expect(page.getByText(/「—」は5未満の小さな数/)).toBeVisible();

  // The chart, and the same numbers as a table.
  await expect(page.getByRole('img', { name: '相談受付件数の市町村別グラフ' })).toBeVisible();
  await page.getByText('表', { exact: true }).click(); // the label of the グラフ/表 switch
  await expect(page.getByRole('radio', { name: '表' })).toBeChecked();
  const chartTable = page.getByRole('table', { name: '相談受付件数の市町村別の表' });
  await expect(chartTable.getByRole('rowheader', { name: 'デモ町' })).toBeVisible();

  // A month of the 年度 gives its own table.
  await page.getByRole('combobox', { name: '月', exact: true }).selectOption({ index: 1 });
  await expect(page.getByRole('table', { name: /^市町村別の指標（\d{4}年4月）/ })).toBeVisible();

  // Personal pages by URL: the server refuses, nothing personal shows.
  const list = await page.request.get('/api/v1/consultations');
  expect([403, 404]).toContain(list.status());
  const persons = await page.request.get(`/api/v1/persons?q=${encodeURIComponent('佐藤')}`);
  if (persons.status() === 200) expect((await persons.json()).items).toEqual([]);
  else expect([403, 404]).toContain(persons.status());
  await page.goto('/consultation');
  await expect(page.getByRole('alert').first()).toBeVisible();
  await expect(page.getByRole('main').getByRole('link')).toHaveCount(0);
  await expect(page.getByRole('main').getByText(/さん世帯/)).toHaveCount(0);
});

test('デモ町の市町村管理者: 自分の町で働き、県内の集計は見られない', async ({ page }) => {
  await signIn(page, 'town-admin');
  await expect(page.getByRole('group', { name: 'ログイン中の利用者' }).getByText('デモ町')).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'メインメニュー' });
  await expect(nav.getByRole('link', { name: '県内の集計' })).toHaveCount(0);
  const res = await page.request.get('/api/v1/analytics/prefecture');
  expect(res.status()).toBe(403);
});
