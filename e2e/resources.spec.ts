import { expect, test } from '@playwright/test';
import { signIn } from './support.js';

test.describe.configure({ mode: 'serial' });

const NAME = '就労体験「e2eパン工房」';

test('a 参加支援員 registers a 就労体験 with a weekly schedule and age range, marks it 確認済み and finds it by search', async ({ page }) => {
  await signIn(page, 'outreach');
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '地域資源' }).click();
  await expect(page.getByRole('heading', { name: '地域資源', exact: true })).toBeVisible();
  await expect(page.getByText(/要再確認 \d+件/)).toBeVisible();
  await page.getByRole('link', { name: '地域資源を登録' }).click();
  await expect(page.getByRole('heading', { name: '地域資源を登録' })).toBeVisible();

  await page.getByLabel('名称', { exact: true }).fill(NAME);
  await page.getByLabel('提供機関', { exact: true }).selectOption({ label: 'NPO法人 ほっとスペース' });
  await page.getByLabel('説明', { exact: true }).fill('パンの成形と袋詰めを体験する。1日2時間から。');
  await page.getByRole('checkbox', { name: '就労体験' }).check();
  await page.getByLabel('対象年齢（下限）').fill('18');
  await page.getByLabel('対象年齢（上限）').fill('64');
  await page.getByLabel('受入枠（人）').fill('2');
  await page.getByRole('checkbox', { name: '西部圏域' }).check();

  await page.getByRole('button', { name: '開催日時を追加' }).click();
  const schedule = page.getByRole('group', { name: '開催日時1' });
  await schedule.getByRole('checkbox', { name: '月' }).check();
  await schedule.getByRole('checkbox', { name: '水' }).check();
  await schedule.getByLabel('開始時刻').fill('10:00');
  await schedule.getByLabel('終了時刻').fill('12:00');

  await page.getByRole('button', { name: '登録する' }).click();
  await expect(page.getByRole('heading', { name: NAME })).toBeVisible();
  await expect(page.getByText('要再確認')).toBeVisible();
  await expect(page.getByText('毎週 月・水 10:00〜12:00')).toBeVisible();
  await expect(page.getByText('18歳〜64歳')).toBeVisible();

  await page.getByRole('button', { name: '確認済みにする' }).click();
  await expect(page.getByText('確認済みにしました。')).toBeVisible();
  await expect(page.getByText(/最終確認日: .*（訪問 つなぐ）/)).toBeVisible();
  await expect(page.getByText('要再確認')).toHaveCount(0);

  await page.getByRole('link', { name: '地域資源の一覧に戻る' }).click();
  await page.getByLabel('キーワード').fill('ｅ２ｅパン');
  await page.getByRole('button', { name: '検索', exact: true }).click();
  const table = page.getByRole('table', { name: '地域資源の一覧' });
  await expect(table.getByRole('link', { name: NAME })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByText('枠 2人')).toBeVisible();
});

test('the public HSDS API returns the new service without sign-in', async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const res = await anonymous.get(`/hsds/services?search=${encodeURIComponent('e2eパン')}`);
  expect(res.status()).toBe(200);
  const page = (await res.json()) as { total_items: number; contents: Array<{ id: string; name: string; minimum_age: number; maximum_age: number; assured_date: string }> };
  expect(page.total_items).toBe(1);
  expect(page.contents[0]).toMatchObject({ name: NAME, minimum_age: 18, maximum_age: 64 });
  const full = (await (await anonymous.get(`/hsds/services/${page.contents[0]!.id}`)).json()) as {
    schedules: Array<{ freq: string; byday: string; opens_at: string }>;
    attributes: Array<{ value?: string; taxonomy_term: { code: string } }>;
  };
  expect(full.schedules).toEqual([expect.objectContaining({ freq: 'WEEKLY', byday: 'MO,WE', opens_at: '10:00+09:00' })]);
  expect(full.attributes.map((a) => a.taxonomy_term.code)).toEqual(expect.arrayContaining(['work_experience', 'capacity']));
  await anonymous.dispose();
});
