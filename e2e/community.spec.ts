import { expect, type Page, test } from '@playwright/test';
import { day, signIn } from './support.js';

test.describe.configure({ mode: 'serial' });

/** A calendar day as the app shows it in 和暦 (the demo users' setting), e.g. 令和8年11月27日. */
function wareki(iso: string): string {
  return new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}
const WEEKDAYS = '月火水木金土日';
const weekdayOf = (iso: string) => WEEKDAYS[(new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7]!;

/** The number shown on a 指標 card. */
async function kpi(page: Page, label: string): Promise<number> {
  const text = await page.getByRole('group', { name: label }).innerText();
  return Number(text.split('\n').at(-1)!.replace(/[^\d]/g, ''));
}

/** Shows the 指標 of 東部圏域 and waits until they are loaded. */
async function showEast(page: Page) {
  await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/v1/community/kpis') && r.url().includes('areaId=') && r.ok()),
    page.getByLabel('表示する圏域').selectOption({ label: '東部圏域' }),
  ]);
  await expect(page.getByRole('group', { name: '参加者数（延べ）' })).toBeVisible();
}

const placeName = `E2Eふれあいサロン${Date.now() % 100_000}`;

test('a coordinator opens a サロン in 東部圏域 with a weekly activity, records attendance by age band and sees the 指標 change', async ({ page }) => {
  await signIn(page, 'coordinator');
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '地域づくり' }).click();
  await expect(page.getByRole('heading', { name: '地域づくり', level: 1 })).toBeVisible();
  await showEast(page);
  const before = { places: await kpi(page, '拠点数'), participants: await kpi(page, '参加者数（延べ）'), multi: await kpi(page, '多世代交流の回') };
  await expect(page.getByRole('table', { name: '東部圏域の拠点' }).getByRole('link', { name: 'ふれあいサロン東町' })).toBeVisible();

  // 拠点を登録
  await page.getByRole('button', { name: '拠点を登録' }).click();
  const dialog = page.getByRole('dialog', { name: '拠点を登録' });
  await dialog.getByLabel('名称', { exact: true }).fill(placeName);
  await dialog.getByLabel('種類', { exact: true }).selectOption({ label: 'サロン' });
  await dialog.getByLabel('圏域', { exact: true }).selectOption({ label: '東部圏域' });
  await dialog.getByLabel('所在地').fill('デモ市東町9-9 東町第二集会所');
  await dialog.getByLabel('開設日').fill(day(-30));
  await dialog.getByRole('button', { name: '登録する' }).click();
  await expect(page.getByRole('heading', { name: placeName, level: 1 })).toBeVisible();

  // 活動を追加: weekly on today's weekday, from three weeks ago
  await page.getByRole('button', { name: '活動を追加' }).click();
  const form = page.getByRole('dialog', { name: '活動を追加' });
  await form.getByLabel('活動名').fill('健康体操とお茶会');
  await form.getByRole('checkbox', { name: weekdayOf(day(0)), exact: true }).check();
  await form.getByLabel('開始日').fill(day(-21));
  await form.getByRole('button', { name: '登録する' }).click();
  await expect(page.getByText('活動を追加しました。')).toBeVisible();
  const activity = page.getByRole('region', { name: '健康体操とお茶会' });
  await expect(activity.getByText(`毎週 ${weekdayOf(day(0))}曜日`)).toBeVisible();
  await expect(activity.getByRole('group', { name: '今後の開催予定' }).getByText(wareki(day(7)))).toBeVisible();

  // 参加者数: today's row, by keyboard (Tab between cells, Enter saves)
  const table = activity.getByRole('table', { name: '健康体操とお茶会の開催回と参加者数' });
  const today = wareki(day(0));
  await expect(table.getByRole('row')).toHaveCount(5); // header + 4 sessions up to today
  await table.getByLabel(`${today} 子ども`).fill('3');
  await page.keyboard.press('Tab');
  await page.keyboard.type('1');
  await page.keyboard.press('Tab');
  await page.keyboard.type('8');
  await page.keyboard.press('Enter');
  await expect(activity.getByText(`${today} の参加者数を保存しました。`)).toBeVisible();
  await expect(table.getByRole('row', { name: new RegExp(today) }).getByText('多世代')).toBeVisible();
  await expect(table.getByLabel(`${today} 高齢者`)).toHaveValue('8');

  // Back on 地域づくり: one more 拠点, 12 more participants, one more multi-generational session
  await page.getByRole('link', { name: '地域づくりへ' }).click();
  await showEast(page);
  await expect.poll(() => kpi(page, '拠点数')).toBe(before.places + 1);
  await expect.poll(() => kpi(page, '参加者数（延べ）')).toBe(before.participants + 12);
  await expect.poll(() => kpi(page, '多世代交流の回')).toBe(before.multi + 1);
  await expect(page.getByRole('table', { name: '東部圏域の拠点' }).getByRole('link', { name: placeName })).toBeVisible();
});

test('a caseworker sees the 拠点 but cannot record attendance', async ({ page }) => {
  await signIn(page, 'houkatsu1');
  await page.goto('/community');
  await expect(page.getByRole('button', { name: '拠点を登録' })).toHaveCount(0);
  await page.getByRole('link', { name: placeName }).click();
  await expect(page.getByRole('heading', { name: placeName, level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: '活動を追加' })).toHaveCount(0);
  await expect(page.getByLabel(`${wareki(day(0))} 高齢者`)).toBeDisabled();
});

test('the 市町村管理者 adds a 圏域 with its responsible agency', async ({ page }) => {
  await signIn(page, 'admin');
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '圏域', exact: true }).click();
  await expect(page.getByRole('heading', { name: '圏域', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: '圏域を追加' }).click();
  const dialog = page.getByRole('dialog', { name: '圏域を追加' });
  await dialog.getByLabel('コード').fill('north');
  await dialog.getByLabel('名称', { exact: true }).fill('北部圏域');
  await dialog.getByLabel('種類', { exact: true }).selectOption({ label: '日常生活圏域' });
  await dialog.getByLabel('担当機関').selectOption({ label: 'デモ市東部地域包括支援センター' });
  await dialog.getByRole('button', { name: '保存する' }).click();
  await expect(page.getByText('圏域「北部圏域」を追加しました。')).toBeVisible();
  const row = page.getByRole('table', { name: '圏域の一覧' }).getByRole('row', { name: /北部圏域/ });
  await expect(row.getByText('デモ市東部地域包括支援センター')).toBeVisible();
  await expect(row.getByText('日常生活圏域')).toBeVisible();

  // The new 圏域 is offered on 地域づくり at once.
  await page.goto('/community');
  await expect(page.getByLabel('表示する圏域').locator('option', { hasText: '北部圏域' })).toHaveCount(1);
});
