import { expect, test } from '@playwright/test';
import { signIn } from './support.js';

test('dates follow the user’s choice of 和暦 or 西暦', async ({ page }) => {
  await signIn(page, 'coordinator');
  const year = new Date().getFullYear();
  await expect(page.getByText(/令和\d+年/).first()).toBeVisible();
  await page.getByRole('link', { name: '個人設定' }).click();
  await page.getByRole('radio', { name: '西暦' }).check();
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByRole('link', { name: 'ホーム' }).click();
  await expect(page.getByText(new RegExp(`${year}年`)).first()).toBeVisible();
  await expect(page.getByText(/令和\d+年/)).toHaveCount(0);
});

test('a caseworker has no administration menu and cannot open it by URL', async ({ page }) => {
  await signIn(page, 'soudan1');
  const nav = page.getByRole('navigation', { name: 'メインメニュー' });
  await expect(nav.getByRole('link', { name: '利用者管理' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: '監査ログ' })).toHaveCount(0);
  await page.goto('/admin/users');
  await expect(page.getByRole('table', { name: '利用者一覧' })).toHaveCount(0);
  await expect(page.getByText('権限がありません').first()).toBeVisible();
});

test('a 民生委員 uses the app on a phone-width screen with only their own menu', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'ja-JP' });
  const page = await context.newPage();
  await signIn(page, 'minsei1');
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(375);
  await page.getByRole('button', { name: /メニュー/ }).click();
  const nav = page.getByRole('navigation', { name: 'メインメニュー' });
  await expect(nav.getByRole('link', { name: '気づきの連絡' })).toBeVisible();
  await expect(nav.getByRole('link', { name: '包括的相談支援' })).toHaveCount(0);
  await context.close();
});
