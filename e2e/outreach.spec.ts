import { expect, type Page, test } from '@playwright/test';
import { choose, signIn, signInOnPhone } from './support.js';

test.describe.configure({ mode: 'serial' });

/** Unique per run, so the report is found among the demo's other leads. */
const who = `80代女性（E2E${Date.now() % 100_000}）`;
const workerNote = '玄関先で話せた。足が悪く買い物に困っている。';

async function myReport(page: Page) {
  await page.goto('/volunteer');
  return page.getByRole('list', { name: 'これまでの連絡' }).getByRole('listitem').filter({ hasText: who });
}

async function chooseOption(page: Page, label: string, option: string) {
  await choose(page, page.getByRole('textbox', { name: label, exact: true }), option, true);
}

test('a 民生委員 reports a concern on a phone in a few taps', async ({ browser }) => {
  const page = await signInOnPhone(browser, 'minsei1');
  await page.goto('/volunteer');
  await expect(page.getByRole('heading', { name: '気づきの連絡', exact: true })).toBeVisible();
  // The volunteer's own 圏域 is chosen already.
  await expect(page.getByRole('textbox', { name: '地区（圏域）' })).toHaveValue('東部圏域');
  await page.getByLabel('だれのことですか（わかる範囲で）').fill(who);
  await page.getByLabel('どこですか（住所・目印）').fill('東町3丁目 公民館の裏の一軒家');
  await page.getByRole('checkbox', { name: '姿を見ない' }).check();
  await page.getByRole('checkbox', { name: '郵便物がたまっている' }).check();
  await page.getByRole('radio', { name: '急ぎ' }).check();
  await page.getByRole('button', { name: '連絡する' }).click();
  await expect(page.getByRole('status').filter({ hasText: '連絡しました。' })).toBeVisible();
  const item = page.getByRole('list', { name: 'これまでの連絡' }).getByRole('listitem').filter({ hasText: who });
  await expect(item.getByText('受付済')).toBeVisible();
  // Phone width: nothing wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.context().close();
});

test('the 東部 地域包括 worker finds it as a lead and records three attempts', async ({ page, browser }) => {
  await signIn(page, 'houkatsu1');
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'アウトリーチ' }).click();
  const row = page.getByRole('table', { name: 'アウトリーチ対象一覧' }).getByRole('row').filter({ hasText: who });
  await expect(row.getByText('気づきの連絡')).toBeVisible();
  await expect(row.getByText('急ぎ')).toBeVisible();
  await expect(row.getByText('未接触')).toHaveCount(2); // status and trust stage
  await row.getByRole('link', { name: who }).click();

  await expect(page.getByRole('heading', { name: `アウトリーチ: ${who}` })).toBeVisible();
  const report = page.getByRole('region', { name: '気づきの連絡（民生委員から）' });
  await expect(report.getByText('見守 一郎')).toBeVisible();
  await expect(report.getByText('郵便物がたまっている')).toBeVisible();

  const attempts = page.getByRole('table', { name: '訪問記録の一覧' });
  for (const [kind, outcome, note] of [
    ['訪問', '不在', '呼び鈴に応答なし。'],
    ['手紙', '手紙を置いた', '連絡先を書いた手紙をポストに入れた。'],
    ['訪問', '会えた', workerNote],
  ] as const) {
    await chooseOption(page, '方法', kind);
    await chooseOption(page, '結果', outcome);
    await page.getByLabel('メモ', { exact: true }).fill(note);
    await page.getByRole('button', { name: '訪問記録を追加' }).click();
    await expect(attempts.getByText(note)).toBeVisible();
  }
  // Newest first.
  await expect(attempts.getByRole('row').nth(1)).toContainText('会えた');
  await expect(attempts.getByRole('row').nth(3)).toContainText('不在');
  await expect(page.getByText('接触中', { exact: true })).toBeVisible();

  // The volunteer now sees 対応中 — and nothing of what the worker wrote.
  const phone = await signInOnPhone(browser, 'minsei1');
  const item = await myReport(phone);
  await expect(item.getByText('対応中')).toBeVisible();
  await expect(phone.getByText(workerNote)).toHaveCount(0);
  await phone.context().close();

  // 信頼関係の段階: 未接触 → 接触できた.
  await chooseOption(page, '新しい段階', '接触できた');
  await page.getByRole('button', { name: '段階を変更' }).click();
  await expect(page.getByRole('status').filter({ hasText: '段階を変更しました。' })).toBeVisible();
  await expect(page.getByText(/現在の段階: 接触できた/)).toBeVisible();
  await expect(page.getByRole('list', { name: '段階の履歴' }).getByRole('listitem')).toHaveCount(2);

  // つながり続ける: every 14 days.
  await page.getByLabel('連絡の間隔（日）').fill('14');
  await page.getByRole('button', { name: '間隔を設定' }).click();
  await expect(page.getByText(/14日ごと。/)).toBeVisible();
});

test('the person agrees: consent is recorded and the lead becomes a consultation and a case', async ({ page }) => {
  await signIn(page, 'houkatsu1');
  await page.goto('/outreach');
  await page.getByRole('table', { name: 'アウトリーチ対象一覧' }).getByRole('link', { name: who }).click();
  await expect(page.getByRole('heading', { name: `アウトリーチ: ${who}` })).toBeVisible();
  await expect(page.getByText('先に本人を特定してください。')).toBeVisible();

  // 本人を特定: not found by search, so registered with the ordinary person API.
  const register = page.getByRole('form', { name: '本人を新しく登録' });
  await register.getByLabel('氏（姓）').fill('見守');
  await register.getByLabel('名', { exact: true }).fill('ハナ');
  await register.getByLabel('ふりがな（姓）').fill('みまもり');
  await register.getByLabel('ふりがな（名）').fill('はな');
  await register.getByRole('button', { name: '登録して本人に設定' }).click();
  await expect(page.getByRole('status').filter({ hasText: '本人を設定しました。' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'アウトリーチ: 見守 ハナ' })).toBeVisible();

  await page.getByRole('radio', { name: 'この機関だけ' }).check();
  await page.getByRole('button', { name: '同意あり: 相談・ケースへ移行' }).click();
  await expect(page.getByRole('status').filter({ hasText: '相談・ケースへ移行しました。' })).toBeVisible();
  await expect(page.getByText('移行済み', { exact: true })).toBeVisible();
  // The cadence carried over to the case.
  await expect(page.getByRole('region', { name: 'ケースの連絡の間隔' }).getByText(/14日ごと。/)).toBeVisible();
  await page.getByRole('link', { name: 'ケースを開く' }).click();
  await expect(page.getByRole('heading', { name: /見守さん世帯/ })).toBeVisible();
  await expect(page.getByText('デモ市東部地域包括支援センター').first()).toBeVisible();
});

test('the 民生委員 sees only 対応済, never the case', async ({ browser }) => {
  const page = await signInOnPhone(browser, 'minsei1');
  const item = await myReport(page);
  await expect(item.getByText('対応済')).toBeVisible();
  await expect(page.getByText(workerNote)).toHaveCount(0);
  await expect(page.getByText('見守 ハナ')).toHaveCount(0);
  await page.goto('/outreach');
  await expect(page.getByRole('alert').filter({ hasText: 'このページを表示する権限がありません。' })).toBeVisible();
  await page.context().close();
});
