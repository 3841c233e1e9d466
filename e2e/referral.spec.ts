import { expect, type Page, test } from '@playwright/test';
import { choose, signIn } from './support.js';

test.describe.configure({ mode: 'serial' });

async function registerPerson(page: Page, family: string, given: string, familyKana: string, givenKana: string) {
  await page.goto('/consultation/persons/new');
  await page.getByLabel('氏（姓）').fill(family);
  await page.getByLabel('名', { exact: true }).fill(given);
  await page.getByLabel('ふりがな（姓）').fill(familyKana);
  await page.getByLabel('ふりがな（名）').fill(givenKana);
  await page.getByRole('button', { name: '登録' }).click();
  await expect(page.getByRole('heading', { name: `${family} ${given}` })).toBeVisible();
  return page.url();
}

let sonUrl = '';
let referralUrl = '';

test('a 地域包括 worker takes an 8050 consultation and refers the son to the 自立相談支援機関', async ({ page }) => {
  await signIn(page, 'houkatsu1');
  await registerPerson(page, '那珂川', '静子', 'なかがわ', 'しずこ');
  sonUrl = await registerPerson(page, '那珂川', '誠', 'なかがわ', 'まこと');

  // The household with both, and a case for it.
  await page.goto('/consultation/households/new');
  await page.getByLabel('世帯の呼び名').fill('那珂川さん世帯');
  await page.getByLabel('世帯員を検索').fill('なかがわ');
  await page.getByLabel('世帯員を検索').press('Enter');
  for (const name of ['那珂川 静子', '那珂川 誠']) {
    await page.getByRole('row').filter({ hasText: name }).getByRole('button', { name: '追加' }).click();
  }
  await page.getByRole('button', { name: '登録' }).click();
  await expect(page.getByRole('heading', { name: '那珂川さん世帯' })).toBeVisible();
  await page.getByRole('button', { name: 'ケースを開始' }).click();
  await expect(page.getByRole('table', { name: 'ケース一覧' }).getByText('支援中')).toBeVisible();

  // The mother comes in about her son; he agrees to his information being shared (同意あり).
  await page.goto(sonUrl);
  await page.getByRole('link', { name: 'この方の相談を受け付ける' }).click();
  await expect(page.getByRole('heading', { name: '相談受付' })).toBeVisible();
  await page.getByRole('radio', { name: '本人以外' }).check();
  await page.getByLabel('本人との関係').fill('母');
  await page.getByRole('checkbox', { name: 'ひきこもり・不登校' }).check();
  await page.getByRole('checkbox', { name: '収入・生活費' }).check();
  await page.getByRole('radio', { name: 'ひきこもり・不登校を主訴にする' }).check();
  await page.getByLabel('相談内容').fill('80代の母と50代の息子の二人暮らし。息子は長く仕事をしておらず、母の年金で暮らしている。');
  await page.getByRole('radio', { name: '同意あり' }).check();
  await page.getByRole('button', { name: '相談を受け付ける' }).click();
  await expect(page.getByRole('heading', { name: '相談受付票' })).toBeVisible();

  // つなぐ from the consultation: 紹介先, 紹介理由, the consent check, and the consultation attached.
  await page.getByRole('link', { name: 'つなぐ', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'つなぐ（新規）' })).toBeVisible();
  await expect(page.getByRole('link', { name: '那珂川 誠' })).toBeVisible();
  await choose(page, page.getByRole('textbox', { name: '紹介先' }), /くらしサポートセンター/);
  await page.getByLabel('紹介理由').fill('就労と家計の相談をお願いします。本人も話を聞いてみたいと言っています。');
  await page.getByText('至急', { exact: true }).click();
  await expect(page.getByRole('radio', { name: '至急' })).toBeChecked();
  await expect(page.getByText(/同意あり（/)).toBeVisible();
  await expect(page.getByText('選んだ記録だけが紹介先に共有されます。')).toBeVisible();
  const attachment = page.getByRole('checkbox', { name: /相談受付票/ });
  await expect(attachment).not.toBeChecked();
  await attachment.check();
  await page.getByRole('button', { name: '送る' }).click();

  await expect(page.getByRole('heading', { name: /つなぐ: 那珂川 誠/ })).toBeVisible();
  const details = page.getByRole('table', { name: '紹介の内容' });
  await expect(details.getByText('依頼中')).toBeVisible();
  await expect(details.getByText('至急')).toBeVisible();
  await expect(details.getByText(/本人同意 #/)).toBeVisible();
  await expect(page.getByRole('list', { name: '共有された記録' }).getByRole('link', { name: /相談受付票/ })).toBeVisible();
  referralUrl = page.url();
});

test('the 自立相談支援機関 sees it in 受信, accepts it, starts work and records a visit', async ({ page }) => {
  await signIn(page, 'jiritsu');
  await expect(page.getByRole('region', { name: '受け入れ依頼' }).getByText(/対応が必要な依頼 [1-9]/)).toBeVisible();
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'つなぐ（紹介）' }).click();
  const inbox = page.getByRole('table', { name: '受信した紹介' });
  const row = inbox.getByRole('row').filter({ hasText: '那珂川 誠' });
  await expect(row.getByText('依頼中')).toBeVisible();
  await expect(row.getByText(/東部地域包括支援センター/)).toBeVisible();
  await row.getByRole('link', { name: '那珂川 誠' }).click();

  await expect(page.getByRole('heading', { name: /つなぐ: 那珂川 誠/ })).toBeVisible();
  await page.getByRole('button', { name: '受理する' }).click();
  await expect(page.getByRole('status').filter({ hasText: '紹介を受理しました。' })).toBeVisible();
  await expect(page.getByRole('table', { name: '紹介の内容' }).getByText('受理', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: '対応を開始' }).click();
  await expect(page.getByRole('status').filter({ hasText: '対応を開始しました。' })).toBeVisible();
  await expect(page.getByRole('table', { name: '紹介の内容' }).getByText('対応中')).toBeVisible();
  await expect(page.getByRole('button', { name: '完了' })).toBeVisible();

  // The receiver records a 訪問 on the case's 経過一覧.
  await page.getByRole('table', { name: '紹介の内容' }).getByRole('link', { name: '経過一覧' }).click();
  await expect(page.getByRole('heading', { name: '支援経過記録（経過一覧）' })).toBeVisible();
  await page.getByLabel('種別').selectOption({ label: '訪問' });
  await page.getByLabel('件名').fill('自宅訪問（くらしサポート）');
  await page.getByLabel('内容').fill('本人と面談。就労準備支援の利用を検討することになった。');
  await page.getByRole('button', { name: '記録する' }).click();
  await expect(page.getByRole('table', { name: '経過一覧' }).getByText('自宅訪問（くらしサポート）')).toBeVisible();

  // The attached consultation is shared with the receiver.
  await page.goto(referralUrl);
  await page.getByRole('list', { name: '共有された記録' }).getByRole('link', { name: /相談受付票/ }).click();
  await expect(page.getByRole('heading', { name: '相談受付票' })).toBeVisible();
  await expect(page.getByText('80代の母と50代の息子の二人暮らし。', { exact: false })).toBeVisible();
});

test('the sender sees 対応中 in 送信 and the visit in the 経過一覧', async ({ page }) => {
  await signIn(page, 'houkatsu1');
  await page.goto('/referral');
  await page.getByRole('tab', { name: '送信' }).click();
  const row = page.getByRole('table', { name: '送信した紹介' }).getByRole('row').filter({ hasText: '那珂川 誠' });
  await expect(row.getByText('対応中')).toBeVisible();
  await expect(row.getByText(/くらしサポートセンター/)).toBeVisible();
  await row.getByRole('link', { name: '那珂川 誠' }).click();
  await expect(page.getByText('依頼中 → 受理', { exact: true })).toBeVisible();
  await expect(page.getByText('受理 → 対応中', { exact: true })).toBeVisible();
  await page.getByRole('table', { name: '紹介の内容' }).getByRole('link', { name: '経過一覧' }).click();
  const notes = page.getByRole('table', { name: '経過一覧' });
  await expect(notes.getByText('自宅訪問（くらしサポート）')).toBeVisible();
  await expect(notes.getByText('訪問', { exact: true })).toBeVisible();
});

test('a worker of an unrelated agency finds neither the household nor the referral', async ({ page }) => {
  await signIn(page, 'kodomo');
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '包括的相談支援' }).click();
  await page.getByLabel('本人検索').fill('なかがわ');
  await page.getByRole('button', { name: '検索' }).click();
  await expect(page.getByText('該当する方は見つかりませんでした。')).toBeVisible();
  await page.goto(referralUrl);
  await expect(page.getByText('対象が見つかりません').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: /那珂川/ })).toHaveCount(0);
  await page.goto('/referral?box=inbox&status=all');
  await expect(page.getByRole('table', { name: '受信した紹介' }).getByText('那珂川 誠')).toHaveCount(0);
});

test('without consent the sender must give a reason, which is shown; the sender can then cancel', async ({ page }) => {
  await signIn(page, 'houkatsu1');
  await page.goto('/consultation');
  await page.getByLabel('本人検索').fill('なかがわ しずこ');
  await page.getByRole('button', { name: '検索' }).click();
  await page.getByRole('table', { name: '検索結果' }).getByRole('link', { name: '那珂川 静子' }).click();
  await page.getByRole('link', { name: 'つなぐ', exact: true }).click();
  await choose(page, page.getByRole('textbox', { name: '紹介先' }), 'デモ市社会福祉協議会');
  await page.getByLabel('紹介理由').fill('見守りと通いの場の紹介をお願いします。');
  await expect(page.getByText('有効な同意がありません', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: '送る' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '本人の同意がないため' })).toBeVisible();
  await expect(page.getByText(/監査ログに記録され/)).toBeVisible();
  await page.getByRole('button', { name: '同意なしで送る（理由を記録）' }).click();
  await expect(page.getByText('同意なしで送る理由を入力してください。', { exact: true })).toBeVisible();
  await page.getByLabel('同意なしで送る理由').fill('本人は認知症で判断が難しく、息子の同意のもと緊急に見守りが必要なため');
  await page.getByRole('button', { name: '同意なしで送る（理由を記録）' }).click();

  await expect(page.getByRole('heading', { name: /つなぐ: 那珂川 静子/ })).toBeVisible();
  const details = page.getByRole('table', { name: '紹介の内容' });
  await expect(details.getByText('依頼中')).toBeVisible();
  await expect(details.getByText(/同意なしでの送付（理由: 本人は認知症で/)).toBeVisible();

  await page.getByRole('button', { name: '取り消す' }).click();
  const dialog = page.getByRole('dialog', { name: '取り消す' });
  await dialog.getByLabel('取り消す理由').fill('本人の同意が得られたため、改めて送ります');
  await dialog.getByRole('button', { name: '確定' }).click();
  await expect(page.getByRole('status').filter({ hasText: '紹介を取り消しました。' })).toBeVisible();
  await expect(details.getByText('取消')).toBeVisible();
  await expect(page.getByRole('button', { name: '取り消す' })).toHaveCount(0);
});

test('the 市町村管理者 sets つなぐの設定 and sees 誰も担当していない相談 with counts by agency', async ({ page }) => {
  await signIn(page, 'admin');
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'つなぐの設定' }).click();
  await expect(page.getByRole('heading', { name: 'つなぐの設定' })).toBeVisible();
  await expect(page.getByLabel('回答期限（営業日）')).toHaveValue('3');
  await page.getByLabel('連絡なしとみなす日数').fill('14');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'つなぐの設定を保存しました。' })).toBeVisible();

  await page.goto('/referral');
  await page.getByRole('link', { name: '誰も担当していない相談' }).click();
  await expect(page.getByRole('heading', { name: '誰も担当していない相談' })).toBeVisible();
  await expect(page.getByLabel('連絡なしとみなす日数')).toHaveValue('14');
  await expect(page.getByRole('table', { name: '誰も担当していない相談の一覧' })).toBeVisible();
  await expect(page.getByRole('table', { name: '機関ごとの件数' })).toBeVisible();
});
