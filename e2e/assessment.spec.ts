import { expect, test } from '@playwright/test';
import { signIn } from './support.js';

test.describe.configure({ mode: 'serial' });

let assessmentPath = '';

test('a caseworker answers the インテーク・アセスメント by keyboard and mouse, and the answers survive a reload', async ({ page }) => {
  await signIn(page, 'houkatsu1');
  await page.goto('/consultation/intake/new');
  await page.getByLabel('相談内容').fill('仕事を失い、家賃と税金の支払いが滞っている。');
  await page.getByRole('button', { name: '相談を受け付ける' }).click();
  await expect(page.getByRole('heading', { name: '相談受付票' })).toBeVisible();
  await page.getByRole('link', { name: 'インテーク・アセスメント' }).click();
  await expect(page.getByRole('heading', { name: 'インテーク・アセスメント' })).toBeVisible();
  await expect(page.getByText('質問票: インテーク・アセスメントシート（標準） 第1版')).toBeVisible();
  assessmentPath = new URL(page.url()).pathname;

  // 国への報告事項 is marked beside the flagged questions.
  await expect(page.getByRole('radiogroup', { name: '就労状況 国への報告事項' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: '家賃滞納' })).toHaveAccessibleName('家賃滞納');

  // Mouse: a single choice and a multiple choice.
  await page.getByRole('radio', { name: '無職' }).click();
  await page.getByRole('checkbox', { name: '税', exact: true }).click();
  // Keyboard: Space ticks a check box, Tab moves to the next question in reading order.
  await page.getByRole('checkbox', { name: '家賃滞納' }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('checkbox', { name: /住居喪失のおそれ/ })).toBeFocused();
  await page.keyboard.press('Space');
  await page.getByLabel('健康についてのメモ').fill('腰痛で通院している');
  await page.getByRole('button', { name: 'アセスメントを保存' }).click();
  await expect(page.getByText('アセスメントを保存しました。')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('radio', { name: '無職' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: '税', exact: true })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: '家賃滞納' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /住居喪失のおそれ/ })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: '債務' })).not.toBeChecked();
  await expect(page.getByLabel('健康についてのメモ')).toHaveValue('腰痛で通院している');
  await expect(page.getByText(/最終保存: .*東 包括/)).toBeVisible();
});

test('the 市町村管理者 publishes version 2 of the question set', async ({ page }) => {
  await signIn(page, 'admin');
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'アセスメント質問票' }).click();
  await expect(page.getByRole('heading', { name: 'アセスメント質問票' })).toBeVisible();
  await page.getByRole('button', { name: '第1版 表示' }).click();
  await expect(page.getByRole('heading', { name: /第1版（閲覧のみ）/ })).toBeVisible();
  await page.getByRole('button', { name: '第1版 この版をもとに編集' }).click();
  await page.getByLabel('就労 質問1', { exact: true }).fill('現在の就労状況');
  await page.getByRole('checkbox', { name: '家賃滞納: 国への報告事項' }).check();
  await page.getByRole('button', { name: 'チェック項目を追加（日常生活）' }).click();
  await page.getByLabel('日常生活 質問8', { exact: true }).fill('連絡手段（電話）がない');
  await page.getByRole('button', { name: '新しい版として公開' }).click();
  await expect(page.getByText('第2版を公開しました。')).toBeVisible();
  await expect(page.getByRole('button', { name: '第2版 表示' })).toBeVisible();
});

test('the earlier assessment still shows 第1版 with a notice, and can be answered again on the latest version', async ({ page }) => {
  await signIn(page, 'houkatsu1');
  await page.goto(assessmentPath);
  await expect(page.getByText('質問票: インテーク・アセスメントシート（標準） 第1版')).toBeVisible();
  await expect(page.getByText('新しい版の質問票があります')).toBeVisible();
  await expect(page.getByRole('radiogroup', { name: /^就労状況/ })).toBeVisible();
  await expect(page.getByText('現在の就労状況')).toHaveCount(0);

  await page.getByRole('button', { name: '最新版で回答し直す' }).click();
  await expect(page.getByText('質問票: インテーク・アセスメントシート（標準） 第2版')).toBeVisible();
  await expect(page.getByRole('radio', { name: '無職' })).toBeChecked();
  await page.getByRole('checkbox', { name: /連絡手段（電話）がない/ }).check();
  await page.getByRole('button', { name: 'アセスメントを保存' }).click();
  await expect(page.getByText('アセスメントを保存しました。')).toBeVisible();
  await page.reload();
  await expect(page.getByText('質問票: インテーク・アセスメントシート（標準） 第2版')).toBeVisible();
  await expect(page.getByText('新しい版の質問票があります')).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: /連絡手段（電話）がない/ })).toBeChecked();
});

test('a save from a stale screen shows the conflict and keeps what the worker entered', async ({ page }) => {
  await signIn(page, 'houkatsu1');
  await page.goto(assessmentPath);
  const other = await page.context().newPage();
  await other.goto(assessmentPath);
  await other.getByRole('checkbox', { name: '債務' }).check();
  await other.getByRole('button', { name: 'アセスメントを保存' }).click();
  await expect(other.getByText('アセスメントを保存しました。')).toBeVisible();

  await page.getByRole('checkbox', { name: '食費に困っている' }).check();
  await page.getByRole('button', { name: 'アセスメントを保存' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '他の人が先にこのアセスメントを更新しました' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: '食費に困っている' })).toBeChecked();
  await page.getByRole('button', { name: '最新の内容を読み込む（入力は破棄）' }).click();
  await expect(page.getByRole('checkbox', { name: '債務' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: '食費に困っている' })).not.toBeChecked();
});
