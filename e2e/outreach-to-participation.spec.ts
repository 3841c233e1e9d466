import { expect, type Page, test } from '@playwright/test';
import { choose, signIn, signInOnPhone } from './support.js';

/**
 * The whole path, with one person: a 民生委員's 気づきの連絡 becomes an アウトリーチ lead of the area's
 * 地域包括; three attempts, first contact, consent and a referral (つなぐ) to the 社協, whose 参加支援員
 * accepts it, matches the person to a 就労体験, places them and completes the first 定着支援. The volunteer only ever sees the status.
 */
test.describe.configure({ mode: 'serial' });

const who = `50代男性（つなぎE2E${Date.now() % 100_000}）`;
const visitNote = '本人が玄関に出てきた。昼間は家にいて、何か手伝える仕事があればと話した。';
const person = { family: '結城', given: '勤', familyKana: 'ゆうき', givenKana: 'つとむ' };
const personName = `${person.family} ${person.given}`;

async function chooseExact(page: Page, label: string, option: string) {
  await choose(page, page.getByRole('textbox', { name: label, exact: true }), option, true);
}

test('a 民生委員 of 東部圏域 reports a man nobody has seen for weeks', async ({ browser }) => {
  const page = await signInOnPhone(browser, 'minsei4');
  await page.goto('/volunteer');
  await expect(page.getByRole('textbox', { name: '地区（圏域）' })).toHaveValue('東部圏域');
  await page.getByLabel('だれのことですか（わかる範囲で）').fill(who);
  await page.getByLabel('どこですか（住所・目印）').fill('東町7丁目 郵便局の裏');
  await page.getByRole('checkbox', { name: '姿を見ない' }).check();
  await page.getByRole('button', { name: '連絡する' }).click();
  await expect(page.getByRole('status').filter({ hasText: '連絡しました。' })).toBeVisible();
  await page.context().close();
});

test('the 東部 地域包括 worker makes three attempts, first contact, and moves to a case with consent', async ({ page }) => {
  await signIn(page, 'houkatsu1');
  await page.goto('/outreach');
  await page.getByRole('table', { name: 'アウトリーチ対象一覧' }).getByRole('link', { name: who }).click();
  await expect(page.getByRole('heading', { name: `アウトリーチ: ${who}` })).toBeVisible();

  const attempts = page.getByRole('table', { name: '訪問記録の一覧' });
  for (const [kind, outcome, note] of [
    ['訪問', '不在', '応答なし。電気メーターは回っている。'],
    ['訪問', '拒否', 'インターホン越しに「大丈夫です」。'],
    ['訪問', '会えた', visitNote],
  ] as const) {
    await chooseExact(page, '方法', kind);
    await chooseExact(page, '結果', outcome);
    await page.getByLabel('メモ', { exact: true }).fill(note);
    await page.getByRole('button', { name: '訪問記録を追加' }).click();
    await expect(attempts.getByText(note)).toBeVisible();
  }
  await expect(attempts.getByRole('row')).toHaveCount(4); // header + three attempts
  await expect(page.getByText('接触中', { exact: true })).toBeVisible();

  // First contact: 未接触 → 接触できた.
  await chooseExact(page, '新しい段階', '接触できた');
  await page.getByRole('button', { name: '段階を変更' }).click();
  await expect(page.getByText(/現在の段階: 接触できた/)).toBeVisible();

  // He gives his name, and agrees to support shared with the agencies involved.
  const register = page.getByRole('form', { name: '本人を新しく登録' });
  await register.getByLabel('氏（姓）').fill(person.family);
  await register.getByLabel('名', { exact: true }).fill(person.given);
  await register.getByLabel('ふりがな（姓）').fill(person.familyKana);
  await register.getByLabel('ふりがな（名）').fill(person.givenKana);
  await register.getByRole('button', { name: '登録して本人に設定' }).click();
  await expect(page.getByRole('heading', { name: `アウトリーチ: ${personName}` })).toBeVisible();
  await expect(page.getByRole('radio', { name: '関係するすべての機関' })).toBeChecked();
  await page.getByRole('button', { name: '同意あり: 相談・ケースへ移行' }).click();
  await expect(page.getByRole('status').filter({ hasText: '相談・ケースへ移行しました。' })).toBeVisible();
  await expect(page.getByText('移行済み', { exact: true })).toBeVisible();

  // つなぐ: from his page to the 社協, whose 参加支援員 finds places to take part.
  await page.getByRole('table').getByRole('link', { name: personName }).first().click();
  await expect(page.getByRole('heading', { name: personName })).toBeVisible();
  await page.getByRole('link', { name: 'つなぐ', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'つなぐ（新規）' })).toBeVisible();
  await choose(page, page.getByRole('textbox', { name: '紹介先' }), 'デモ市社会福祉協議会');
  await page.getByLabel('紹介理由').fill('参加支援をお願いします。日中に体を動かす活動を希望しています。');
  await expect(page.getByText(/同意あり（/)).toBeVisible();
  await page.getByRole('button', { name: '送る' }).click();
  await expect(page.getByRole('heading', { name: `つなぐ: ${personName}` })).toBeVisible();
});

test('the 参加支援員 accepts the referral, matches a 就労体験, places him and completes the first 定着支援', async ({ page }) => {
  await signIn(page, 'outreach');
  // The referral waits in the 社協's 受信.
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'つなぐ（紹介）' }).click();
  const row = page.getByRole('table', { name: '受信した紹介' }).getByRole('row').filter({ hasText: personName }).last();
  await expect(row.getByText('依頼中')).toBeVisible();
  await row.getByRole('link', { name: personName }).click();
  await page.getByRole('button', { name: '受理する' }).click();
  await expect(page.getByRole('status').filter({ hasText: '紹介を受理しました。' })).toBeVisible();
  await page.getByRole('button', { name: '対応を開始' }).click();
  await expect(page.getByRole('status').filter({ hasText: '対応を開始しました。' })).toBeVisible();
  await page.getByRole('table', { name: '紹介の内容' }).getByRole('link', { name: personName }).click();
  await expect(page.getByRole('heading', { name: personName })).toBeVisible();

  await page.getByRole('region', { name: '参加支援' }).getByRole('link', { name: '参加支援の希望を登録' }).click();
  const form = page.getByRole('form', { name: '参加支援の希望' });
  await form.getByRole('checkbox', { name: '就労体験' }).check();
  await form.getByLabel('本人の言葉').fill('昼間なら、体を動かす仕事を少しずつ');
  await form.getByRole('button', { name: '登録する' }).click();
  await expect(page.getByRole('heading', { name: `参加支援（${personName}）` })).toBeVisible();

  // A directory service that matches the wish 就労体験, with its reasons.
  const match = page
    .getByRole('region', { name: '受け入れ先の候補' })
    .getByRole('article')
    .filter({ hasText: '地域資源（サービス）' })
    .filter({ hasText: '希望: 就労体験に一致' })
    .first();
  await expect(match).toBeVisible();
  const serviceName = (await match.getByRole('heading').textContent()) ?? '';
  expect(serviceName).not.toBe('');

  await match.getByRole('button', { name: 'この受け入れ先に決める' }).click();
  const placeForm = page.getByRole('form', { name: `受け入れを決める: ${serviceName}` });
  await placeForm.getByLabel('受け入れ先の担当者・連絡先').fill('農園 佐藤（090-0000-0000）');
  await placeForm.getByRole('button', { name: '受け入れを決める' }).click();
  await expect(page.getByText('受け入れを決めました。定着支援の予定を作成しました。')).toBeVisible();

  const placement = page.getByRole('region', { name: '受け入れと定着支援' }).getByRole('article', { name: serviceName });
  const followups = placement.getByRole('table', { name: `定着支援（${serviceName}）` });
  await followups.getByRole('button', { name: '完了: 1週間後' }).click();
  const done = page.getByRole('form', { name: '定着支援を完了: 1週間後' });
  await done.getByLabel('本人の様子').selectOption({ label: '順調' });
  await done.getByLabel('メモ').fill('3日通えた。休憩を多めにとれるよう受け入れ先と相談した。');
  await done.getByRole('button', { name: '完了にする' }).click();
  await expect(page.getByText('定着支援を完了にしました。')).toBeVisible();
  await expect(followups.getByRole('row', { name: /1週間後/ })).toContainText('順調');
});

test('the 民生委員 sees only that the report was handled, nothing of the case or the placement', async ({ browser }) => {
  const page = await signInOnPhone(browser, 'minsei4');
  await page.goto('/volunteer');
  const item = page.getByRole('list', { name: 'これまでの連絡' }).getByRole('listitem').filter({ hasText: who });
  await expect(item.getByText('対応済')).toBeVisible();
  for (const hidden of [visitNote, personName, '就労体験', '定着支援']) await expect(page.getByText(hidden)).toHaveCount(0);
  await page.context().close();
});
