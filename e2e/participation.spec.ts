import { expect, test } from '@playwright/test';
import { signIn } from './support.js';

test.describe.configure({ mode: 'serial' });

test('the 参加支援員 records a need, sees a 就労体験 ranked first with reasons, places the person and completes the first 定着支援', async ({ page }) => {
  await signIn(page, 'outreach');
  await page.goto('/consultation/persons/new');
  await page.getByLabel('氏（姓）').fill('参加');
  await page.getByLabel('名', { exact: true }).fill('希望');
  await page.getByLabel('ふりがな（姓）').fill('さんか');
  await page.getByLabel('ふりがな（名）').fill('のぞみ');
  await page.getByLabel('生年月日').fill('1995-06-01');
  await page.getByRole('button', { name: '登録' }).click();
  await expect(page.getByRole('heading', { name: '参加 希望' })).toBeVisible();

  // From the person's page: 参加支援の希望を登録.
  const section = page.getByRole('region', { name: '参加支援' });
  await expect(section.getByText('この方の参加支援の記録はありません')).toBeVisible();
  await section.getByRole('link', { name: '参加支援の希望を登録' }).click();
  await expect(page.getByRole('heading', { name: '参加支援の希望を登録' })).toBeVisible();
  await expect(page.getByText('本人: 参加 希望')).toBeVisible();
  const form = page.getByRole('form', { name: '参加支援の希望' });
  await form.getByRole('checkbox', { name: '就労体験' }).check();
  await form.getByLabel('本人の言葉').fill('人と話すのは苦手だけど、手を動かす仕事ならやってみたい');
  await form.getByRole('button', { name: '登録する' }).click();
  await expect(page.getByRole('heading', { name: '参加支援（参加 希望）' })).toBeVisible();

  // The ranked candidates: the first is a directory service, with the reasons shown.
  const candidates = page.getByRole('region', { name: '受け入れ先の候補' });
  const first = candidates.getByRole('article').first();
  await expect(first).toContainText('1位');
  await expect(first).toContainText('地域資源（サービス）');
  await expect(first.getByText('希望: 就労体験に一致')).toBeVisible();
  const serviceName = (await first.getByRole('heading').textContent()) ?? '';
  expect(serviceName).not.toBe('');

  // 受け入れを決める: 定着支援 1週間後・1か月後・3か月後 are scheduled.
  await first.getByRole('button', { name: 'この受け入れ先に決める' }).click();
  const placeForm = page.getByRole('form', { name: `受け入れを決める: ${serviceName}` });
  await placeForm.getByLabel('受け入れ先の担当者・連絡先').fill('担当 山田（内線12）');
  await placeForm.getByRole('button', { name: '受け入れを決める' }).click();
  await expect(page.getByText('受け入れを決めました。定着支援の予定を作成しました。')).toBeVisible();
  const placement = page.getByRole('region', { name: '受け入れと定着支援' }).getByRole('article', { name: serviceName });
  await expect(placement).toContainText('調整中');
  await expect(placement).toContainText('担当 山田（内線12）');
  const followups = placement.getByRole('table', { name: `定着支援（${serviceName}）` });
  for (const label of ['1週間後', '1か月後', '3か月後']) await expect(followups.getByRole('row', { name: new RegExp(label) })).toBeVisible();

  // 完了: the first follow-up, with how the person is doing.
  await followups.getByRole('button', { name: '完了: 1週間後' }).click();
  const done = page.getByRole('form', { name: '定着支援を完了: 1週間後' });
  await done.getByLabel('本人の様子').selectOption({ label: '順調' });
  await done.getByLabel('メモ').fill('初日は緊張していたが、最後まで作業できた');
  await done.getByRole('button', { name: '完了にする' }).click();
  await expect(page.getByText('定着支援を完了にしました。')).toBeVisible();
  await expect(followups.getByRole('row', { name: /1週間後/ })).toContainText('順調');
  await expect(followups.getByRole('button', { name: '完了: 1週間後' })).toHaveCount(0);
  await expect(followups.getByRole('button', { name: '完了: 1か月後' })).toBeVisible();

  // The need is on the 参加支援 page of its worker.
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '参加支援' }).click();
  await expect(page.getByRole('table', { name: '参加支援の一覧' }).getByRole('link', { name: '参加 希望' })).toBeVisible();
});

test('the 参加支援員 develops a host: 候補 → 打診 → 協力事業者登録', async ({ page }) => {
  await signIn(page, 'outreach');
  await page.goto('/participation');
  await page.getByRole('region', { name: '協力事業者の開拓' }).getByRole('link', { name: '協力事業者の候補を登録' }).click();
  await expect(page.getByRole('heading', { name: '協力事業者の候補を登録' })).toBeVisible();
  const form = page.getByRole('form', { name: '協力事業者' });
  await form.getByLabel('事業者名').fill('東町ハンドメイド工房');
  await form.getByLabel('担当者').fill('代表 工藤');
  await form.getByRole('checkbox', { name: '就労体験' }).check();
  await form.getByRole('checkbox', { name: '少人数がよい' }).check();
  await form.getByLabel('受入枠（人数）').fill('2');
  await form.getByLabel('きっかけ・メモ').fill('商店会の会合で紹介された');
  await form.getByRole('button', { name: '候補として登録' }).click();
  await expect(page.getByRole('heading', { name: '協力事業者（東町ハンドメイド工房）' })).toBeVisible();

  const stages = page.getByRole('region', { name: '開拓の段階' });
  await stages.getByRole('button', { name: '打診', exact: true }).click();
  await page.getByRole('form', { name: '打診として記録' }).getByLabel('メモ').fill('受け入れの流れを説明した');
  await page.getByRole('button', { name: '打診として記録' }).click();
  await expect(page.getByText('「打診」を記録しました。')).toBeVisible();
  await stages.getByRole('button', { name: '協力事業者登録', exact: true }).click();
  await page.getByRole('button', { name: '協力事業者登録として記録' }).click();
  await expect(page.getByText('「協力事業者登録」を記録しました。')).toBeVisible();

  const history = page.getByRole('table', { name: '開拓の経過' });
  await expect(history.getByRole('row')).toHaveCount(4);
  await expect(history.getByRole('row').nth(1)).toContainText('商店会の会合で紹介された');
  await expect(history.getByRole('row').nth(2)).toContainText('打診');
  await expect(history.getByRole('row').nth(3)).toContainText('協力事業者登録');
  await expect(stages.getByRole('button')).toHaveCount(0);

  await page.goto('/participation');
  const registered = page.getByRole('region', { name: '協力事業者の開拓' }).getByRole('region', { name: '協力事業者登録' });
  await expect(registered.getByRole('link', { name: '東町ハンドメイド工房' })).toBeVisible();
});

test('the municipality sees the 参加支援 KPIs by 年度 and month', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/participation');
  const kpis = page.getByRole('region', { name: '参加支援の指標' });
  const table = kpis.getByRole('table', { name: /年度の参加支援の指標/ });
  await expect(table.getByRole('columnheader', { name: '支援対象者数' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: '協力事業者数' })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(14);
  await expect(table.getByRole('row', { name: /年度計/ })).toBeVisible();
});
