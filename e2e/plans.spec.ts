import { expect, test } from '@playwright/test';
import { day, signIn } from './support.js';

test.describe.configure({ mode: 'serial' });

test('the lead writes a 支援プラン, revises it, evaluates, prints and closes it', async ({ page }) => {
  await signIn(page, 'houkatsu1');
  await page.goto('/consultation/households/new');
  await page.getByLabel('世帯の呼び名').fill('支援計画さん世帯');
  await page.getByRole('button', { name: '登録' }).click();
  await expect(page.getByRole('heading', { name: '支援計画さん世帯' })).toBeVisible();
  await page.getByRole('button', { name: 'ケースを開始' }).click();
  await page.getByRole('table', { name: 'ケース一覧' }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: '支援計画さん世帯 のケース' })).toBeVisible();

  const plans = page.getByRole('region', { name: '支援プラン' });
  await expect(plans.getByText('まだ支援プランはありません。')).toBeVisible();
  await plans.getByRole('button', { name: '支援プランを作成' }).click();

  // 第1版: two short goals, an action already past its due date.
  const form = page.getByRole('form', { name: '支援プランを作成' });
  await form.getByLabel('本人の言葉', { exact: true }).fill('もう一度働きたい');
  await form.getByLabel('希望', { exact: true }).fill('母と暮らし続けたい');
  await form.getByLabel('長期目標', { exact: true }).fill('生活を立て直す');
  await form.getByLabel('短期目標1', { exact: true }).fill('生活リズムを整える');
  await form.getByRole('button', { name: '短期目標を追加' }).click();
  await form.getByLabel('短期目標2', { exact: true }).fill('家計を見直す');
  await form.getByLabel('課題・ニーズ', { exact: true }).fill('収入が途絶えている');
  await form.getByLabel('役割分担1の担当者').fill('東');
  await form.getByLabel('役割分担1の内容').fill('家計相談に同行する');
  await form.getByLabel('役割分担1の期日').fill(day(-2));
  await form.getByLabel('参加支援の利用').check();
  await form.getByLabel('期間（開始）').fill(day(-7));
  await form.getByLabel('期間（終了）').fill(day(170));
  await form.getByLabel('次回見直し日').fill(day(10));
  await form.getByRole('button', { name: '作成する' }).click();

  await expect(page.getByRole('heading', { name: '支援プラン（支援計画さん世帯）' })).toBeVisible();
  const doc = page.getByRole('table', { name: 'プラン兼利用申込書' });
  await expect(doc).toContainText('生活リズムを整える');
  await expect(doc.getByRole('table', { name: /役割分担/ }).getByText('期限切れ')).toBeVisible();
  const planUrl = page.url();

  // ホーム: the overdue action is flagged in red on the 見直し・期日 card.
  await page.goto('/');
  const card = page.getByRole('region', { name: '見直し・期日' });
  // Counts include the demo seed's plans of the same agency, so only "at least one" is fixed here.
  await expect(card.getByText(/期限切れ [1-9]\d*件/)).toBeVisible();
  await expect(card.getByText(/見直し [1-9]\d*件・期日 [1-9]\d*件（14日以内）/)).toBeVisible();
  await card.getByRole('link', { name: /家計相談に同行する/ }).click();
  await expect(page).toHaveURL(planUrl);

  // 第2版
  await page.getByRole('button', { name: '新しい版を作成' }).click();
  const edit = page.getByRole('form', { name: '新しい版を作成' });
  await edit.getByLabel('長期目標', { exact: true }).fill('就労して生活を立て直す');
  await edit.getByLabel('アウトリーチの利用').check();
  await edit.getByLabel('変更理由').fill('就労の希望を反映');
  await edit.getByRole('button', { name: '保存する' }).click();
  await expect(page.getByText('第2版を作成しました。')).toBeVisible();
  await expect(doc).toContainText('就労して生活を立て直す');

  // 第1版 stays readable, and the 変更点 between them are listed.
  await page.getByLabel('表示する版').selectOption({ label: '第1版' });
  await expect(page.getByText('過去の版を表示しています。内容は作成時のままです。')).toBeVisible();
  await expect(doc.getByRole('row', { name: /長期目標/ })).toContainText('生活を立て直す');
  await expect(doc).not.toContainText('就労して生活を立て直す');
  const diff = page.getByRole('table', { name: '第1版 → 第2版の変更点' });
  await expect(diff.getByRole('row', { name: /長期目標/ })).toContainText('就労して生活を立て直す');
  await expect(diff.getByRole('row', { name: /アウトリーチの利用/ })).toContainText('あり');
  await page.getByLabel('表示する版').selectOption({ label: '第2版（現在の版）' });

  // 評価（経過・成果 per short goal）
  const evaluation = page.getByRole('form', { name: '評価を記録する' });
  await evaluation.getByLabel('経過: 生活リズムを整える').fill('朝起きられる日が増えた');
  await evaluation.getByLabel('成果: 生活リズムを整える').fill('週5日起床');
  await evaluation.getByLabel('総括').fill('順調に進んでいる');
  await evaluation.getByRole('button', { name: '評価を記録する' }).click();
  await expect(page.getByText('評価を記録しました。')).toBeVisible();
  await expect(page.getByRole('table', { name: '評価の記録' })).toContainText('週5日起床');

  // On paper (A4): the form title instead of the shell, menus, forms and buttons.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { name: 'プラン兼利用申込書' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'メインメニュー' })).toBeHidden();
  await expect(page.getByRole('banner').first()).toBeHidden();
  await expect(page.getByRole('button', { name: '印刷' })).toBeHidden();
  await expect(evaluation).toBeHidden();
  await expect(doc).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  // 終結 with a reason; then 再プラン is offered.
  const close = page.getByRole('form', { name: '終結・中断' });
  await close.getByLabel('終結', { exact: true }).check();
  await close.getByLabel('理由').fill('就労が決まり目標を達成した');
  await close.getByRole('button', { name: '終結・中断を記録する' }).click();
  await expect(page.getByText('終結・中断を記録しました。')).toBeVisible();
  await expect(page.getByText('理由: 就労が決まり目標を達成した')).toBeVisible();
  await expect(page.getByRole('button', { name: '再プラン' })).toBeVisible();
  await expect(page.getByRole('button', { name: '新しい版を作成' })).toHaveCount(0);

  // 再プラン: a new plan starts from the ended one's content and links back to it.
  await page.getByRole('button', { name: '再プラン' }).click();
  const replan = page.getByRole('form', { name: '再プラン' });
  await expect(replan.getByLabel('長期目標', { exact: true })).toHaveValue('就労して生活を立て直す');
  await replan.getByLabel('長期目標', { exact: true }).fill('就労を続ける');
  await replan.getByRole('button', { name: '作成する' }).click();
  await expect(page.getByRole('link', { name: '再プランの元のプラン' })).toBeVisible();
  await expect(doc).toContainText('就労を続ける');
});
