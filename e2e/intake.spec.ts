import { expect, test } from '@playwright/test';
import { signIn } from './support.js';

test.describe.configure({ mode: 'serial' });

let intakeUrl = '';

test('an anonymous 民生委員 concern is taken, and the person is linked once identified', async ({ page }) => {
  await signIn(page, 'houkatsu1');
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '包括的相談支援' }).click();
  await page.getByRole('link', { name: '相談受付', exact: true }).click();
  await expect(page.getByRole('heading', { name: '相談受付' })).toBeVisible();
  await page.getByRole('radio', { name: '電話' }).check();
  await page.getByRole('radio', { name: '本人以外' }).check();
  await page.getByLabel('本人との関係').fill('民生委員');
  await page.getByRole('checkbox', { name: '匿名・本人不明' }).check();
  await page.getByRole('checkbox', { name: 'ひきこもり・不登校' }).check();
  await page.getByRole('checkbox', { name: '介護' }).check();
  await page.getByRole('radio', { name: 'ひきこもり・不登校を主訴にする' }).check();
  await page.getByLabel('相談内容').fill('近所の50代男性を何年も見かけない。80代の母親と二人暮らし。');
  await page.getByRole('button', { name: '相談を受け付ける' }).click();
  await expect(page.getByRole('heading', { name: '相談受付票' })).toBeVisible();
  await expect(page.getByText('匿名').first()).toBeVisible();
  await expect(page.getByText('◎ ひきこもり・不登校')).toBeVisible();
  intakeUrl = page.url();

  // The worker visits, learns who it is, registers him and links the consultation.
  await page.goto('/consultation/persons/new');
  await page.getByLabel('氏（姓）').fill('那須野');
  await page.getByLabel('名', { exact: true }).fill('守');
  await page.getByLabel('ふりがな（姓）').fill('なすの');
  await page.getByLabel('ふりがな（名）').fill('まもる');
  await page.getByRole('button', { name: '登録' }).click();
  await expect(page.getByRole('heading', { name: '那須野 守' })).toBeVisible();
  await page.goto(intakeUrl);
  await page.getByLabel('本人を検索').fill('なすの');
  await page.getByLabel('本人を検索').press('Enter');
  await page.getByRole('button', { name: '本人として紐づける' }).first().click();
  await expect(page.getByRole('link', { name: '那須野 守' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '本人を特定' })).toHaveCount(0);
});

test('the identified concern becomes a case: it leaves 誰も担当していない相談 once the household has a lead', async ({ page }) => {
  await signIn(page, 'houkatsu1');
  await page.goto('/referral/unowned');
  await expect(page.getByRole('heading', { name: '誰も担当していない相談' })).toBeVisible();
  const row = () => page.getByRole('table', { name: '誰も担当していない相談の一覧' }).getByRole('row').filter({ hasText: '近所の50代男性' });
  const only = (label: string) => page.getByRole('radiogroup', { name: '状況で絞り込む' }).getByText(label, { exact: true }).click();
  await only('主担当なし');
  await expect(row().getByText('主担当なし')).toBeVisible();

  // His household (he lives with his mother), then a case led by the 地域包括.
  await page.goto('/consultation/households/new');
  await page.getByLabel('世帯の呼び名').fill('那須野さん世帯');
  await page.getByLabel('世帯員を検索').fill('なすの');
  await page.getByLabel('世帯員を検索').press('Enter');
  await page.getByRole('row').filter({ hasText: '那須野 守' }).getByRole('button', { name: '追加' }).click();
  await page.getByRole('button', { name: '登録' }).click();
  await expect(page.getByRole('heading', { name: '那須野さん世帯' })).toBeVisible();
  const householdUrl = page.url();
  await page.getByRole('button', { name: 'ケースを開始' }).click();
  await expect(page.getByRole('table', { name: 'ケース一覧' }).getByText('支援中')).toBeVisible();

  // Owned now: no longer 主担当なし (it still asks for a next step until one is planned).
  await page.goto('/referral/unowned');
  await expect(page.getByRole('heading', { name: '誰も担当していない相談' })).toBeVisible();
  await only('次の予定なし');
  await expect(row().getByText('次の予定なし')).toBeVisible();
  await expect(row().getByText('主担当なし')).toHaveCount(0);
  await only('主担当なし');
  await expect(page.getByRole('table', { name: '誰も担当していない相談の一覧' }).getByRole('row').first()).toBeVisible();
  await expect(row()).toHaveCount(0);

  // The case timeline shows the consultation and the opening.
  await page.goto(householdUrl);
  await page.getByRole('table', { name: 'ケース一覧' }).getByRole('link').first().click();
  const timeline = page.getByLabel('ケースの経過', { exact: true });
  await expect(timeline.getByText('ケース開始', { exact: true })).toBeVisible();
  await expect(timeline.getByText('相談受付', { exact: true })).toBeVisible();
});

test('another agency cannot open the 相談受付票 without consent', async ({ page }) => {
  await signIn(page, 'jiritsu');
  await page.goto(intakeUrl);
  await expect(page.getByText('対象が見つかりません').first()).toBeVisible();
  await expect(page.getByText('近所の50代男性')).toHaveCount(0);
});
