import { expect, type Page, test } from '@playwright/test';
import { signIn } from './support.js';

test.describe.configure({ mode: 'serial' });

async function search(page: Page, q: string) {
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '包括的相談支援' }).click();
  await page.getByLabel('本人検索').fill(q);
  await page.getByRole('button', { name: '検索' }).click();
}

let personUrl = '';
let householdUrl = '';

test('a 地域包括 worker registers a mother and son by keyboard, with a 和暦 birth date, and builds their household', async ({ page }) => {
  await signIn(page, 'houkatsu1');
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '包括的相談支援' }).click();
  await page.getByRole('link', { name: '本人を登録' }).click();
  await expect(page.getByRole('heading', { name: '本人の登録' })).toBeVisible();
  await page.getByLabel('氏（姓）').fill('鬼怒川');
  await page.getByLabel('名', { exact: true }).fill('澪子');
  await page.getByLabel('ふりがな（姓）').fill('キヌガワ');
  await page.getByLabel('ふりがな（名）').fill('ミオコ');
  await page.getByLabel('生年月日').fill('昭和15年3月3日');
  await page.getByRole('checkbox', { name: '介護' }).check();
  await page.getByLabel('住所').fill('デモ市東町9-9-9');
  await page.getByLabel('住所').press('Enter');
  await expect(page.getByRole('heading', { name: '鬼怒川 澪子' })).toBeVisible();
  await expect(page.getByText('昭和15年3月3日').first()).toBeVisible();
  personUrl = page.url();

  // The son: the duplicate warning shows his mother as a likely match on the shared surname reading.
  await search(page, 'きぬがわ');
  await page.getByRole('link', { name: '本人を登録' }).click();
  await page.getByLabel('氏（姓）').fill('鬼怒川');
  await page.getByLabel('ふりがな（姓）').fill('きぬがわ');
  await expect(page.getByRole('status').filter({ hasText: '似た方が登録されています' })).toBeVisible();
  await page.getByLabel('名', { exact: true }).fill('一');
  await page.getByLabel('ふりがな（名）').fill('はじめ');
  await page.getByLabel('生年月日').fill('1974-07-07');
  await page.getByRole('button', { name: '登録' }).click();
  await expect(page.getByRole('heading', { name: '鬼怒川 一' })).toBeVisible();

  await search(page, 'きぬがわ');
  await page.getByRole('link', { name: '世帯を登録' }).click();
  await page.getByLabel('世帯の呼び名').fill('鬼怒川さん世帯');
  await page.getByLabel('世帯員を検索').fill('ｷﾇｶﾞﾜ');
  await page.getByLabel('世帯員を検索').press('Enter');
  for (const name of ['鬼怒川 澪子', '鬼怒川 一']) {
    await page.getByRole('row').filter({ hasText: name }).getByRole('button', { name: '追加' }).click();
  }
  await page.getByRole('button', { name: '登録' }).click();
  await expect(page.getByRole('heading', { name: '鬼怒川さん世帯' })).toBeVisible();
  const members = page.getByRole('table', { name: '世帯員' });
  await expect(members.getByText('鬼怒川 澪子')).toBeVisible();
  await expect(members.getByText('鬼怒川 一')).toBeVisible();
  householdUrl = page.url();
});

test('search finds her by full name, half-width reading, 和暦 birth date and address fragment', async ({ page }) => {
  await signIn(page, 'houkatsu1');
  for (const q of ['鬼怒川澪子', 'ｷﾇｶﾞﾜ ﾐｵｺ', 'S15.3.3', '東町9-9']) {
    await search(page, q);
    await expect(page.getByRole('table', { name: '検索結果' }).getByRole('link', { name: '鬼怒川 澪子' }), q).toBeVisible();
  }
});

test('a worker of an unrelated agency finds neither person nor household', async ({ page }) => {
  await signIn(page, 'jiritsu');
  await search(page, 'きぬがわ');
  await expect(page.getByText('該当する方は見つかりませんでした。')).toBeVisible();
  await page.goto(personUrl);
  await expect(page.getByRole('heading', { name: '鬼怒川 澪子' })).toHaveCount(0);
  await expect(page.getByText('対象が見つかりません').first()).toBeVisible();
  await page.goto(householdUrl);
  await expect(page.getByRole('heading', { name: '鬼怒川さん世帯' })).toHaveCount(0);
  await expect(page.getByText('対象が見つかりません').first()).toBeVisible();
});
