import { type APIRequestContext, expect, test } from '@playwright/test';
import { E2E_PASSWORD } from '../playwright.config.js';
import { signIn } from './support.js';

test.describe.configure({ mode: 'serial' });

/** A household the 地域包括 leads, whose only consultation records 同意なし (through the API, as the web app sends it). */
async function householdWithoutConsent(request: APIRequestContext) {
  const login = await request.post('/api/v1/auth/login', { data: { loginName: 'houkatsu1', password: E2E_PASSWORD } });
  expect(login.ok()).toBe(true);
  const headers = { 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
  const post = async (url: string, data: unknown) => {
    const res = await request.post(url, { data, headers });
    expect(res.ok(), await res.text()).toBe(true);
    return (await res.json()) as { id: string };
  };
  const mother = await post('/api/v1/persons', { familyName: '守口', givenName: '澄子', familyKana: 'もりぐち', concerns: { categories: ['care'], tags: [] } });
  const son = await post('/api/v1/persons', { familyName: '守口', givenName: '亮', familyKana: 'もりぐち', concerns: { categories: ['withdrawal'], tags: ['8050'] } });
  const household = await post('/api/v1/households', { label: '守口さん世帯', members: [{ personId: mother.id }, { personId: son.id }] });
  await post('/api/v1/consultations', { route: 'home_visit', visitor: { kind: 'other', relationship: '近所の人' }, personId: son.id, categories: ['withdrawal'], summary: '息子を何年も見かけない', consentStatus: 'refused' });
  await post('/api/v1/cases', { householdId: household.id });
}

let meetingUrl = '';

test('the 市町村管理者 schedules a 支援会議 with 自立相談 and 地域包括 as members', async ({ page, request }) => {
  await householdWithoutConsent(request);
  await signIn(page, 'admin');
  await page.goto('/collaboration/meetings');
  await page.getByRole('link', { name: '会議の予定を立てる' }).click();
  await expect(page.getByRole('heading', { name: '会議の予定を立てる' })).toBeVisible();
  await page.getByLabel('会議種別').selectOption({ label: '支援会議' });
  await expect(page.getByText(/根拠: 社会福祉法第106条の6/)).toBeVisible();
  await expect(page.getByText(/本人同意は不要（法定の守秘義務）/)).toBeVisible();
  await page.getByLabel('会議名').fill('12月 支援会議（東部）');
  await page.getByLabel('日時').fill('2026-12-01T10:00');
  await page.getByLabel('場所').fill('市役所 第2会議室');
  for (const box of await page.getByRole('checkbox').all()) await box.uncheck();
  await page.getByRole('checkbox', { name: 'デモ市東部地域包括支援センター' }).check();
  await page.getByRole('checkbox', { name: /くらしサポートセンター/ }).check();
  await page.getByRole('button', { name: '予定を登録' }).click();

  await expect(page.getByRole('heading', { name: '12月 支援会議（東部）' })).toBeVisible();
  meetingUrl = page.url();
  const members = page.getByRole('region', { name: '参加機関と出欠' });
  await expect(members.getByText(/東部地域包括支援センター/)).toBeVisible();
  await expect(members.getByText(/くらしサポートセンター/)).toBeVisible();
  await expect(members.getByText(/こども家庭センター/)).toHaveCount(0);
});

test('the lead puts its case without consent on the agenda; the statutory basis is shown', async ({ page }) => {
  await signIn(page, 'houkatsu1');
  await page.goto(meetingUrl);
  await expect(page.getByRole('heading', { name: '12月 支援会議（東部）' })).toBeVisible();
  await page.getByLabel('議題に追加するケース').selectOption({ label: '守口さん世帯' });
  await page.getByRole('button', { name: '議題にする' }).click();
  await expect(page.getByText('議題に追加しました。')).toBeVisible();
  await expect(page.getByText('法定の根拠: 社会福祉法第106条の6（本人同意なしで共有）')).toBeVisible();
});

test('another member sees the material only after confirming 守秘義務', async ({ page }) => {
  await signIn(page, 'jiritsu');
  await page.goto(meetingUrl);
  const agenda = page.getByRole('region', { name: '議題' });
  await expect(agenda.getByText('守秘義務の確認後に表示されます')).toBeVisible();
  await expect(agenda.getByText('守口さん世帯')).toHaveCount(0);
  await expect(agenda.getByRole('button', { name: '資料を表示' })).toHaveCount(0);

  const duty = page.getByRole('region', { name: '守秘義務の確認' });
  await expect(duty.getByText(/社会福祉法第106条の6第6項により、支援会議の事務に従事する者又は従事していた者は/)).toBeVisible();
  const confirm = duty.getByRole('button', { name: '守秘義務を確認する' });
  await expect(confirm).toBeDisabled();
  await duty.getByRole('checkbox', { name: '上記の守秘義務を確認しました' }).check();
  await confirm.click();
  await expect(duty.getByText('守秘義務を確認済みです。')).toBeVisible();

  await expect(agenda.getByText('守口さん世帯')).toBeVisible();
  await agenda.getByRole('button', { name: '資料を表示' }).click();
  const material = agenda.getByRole('table', { name: '会議資料' });
  await expect(material.getByText(/守口 亮：ひきこもり・不登校、8050/)).toBeVisible();
  await expect(material.getByText(/支援会議（社会福祉法第106条の6）/)).toBeVisible();
});

test('an agency that is not a member gets 対象が見つかりません', async ({ page }) => {
  await signIn(page, 'kodomo');
  await page.goto(meetingUrl);
  await expect(page.getByText('対象が見つかりません。')).toBeVisible();
  await expect(page.getByText('守口さん世帯')).toHaveCount(0);
});

test('the 市町村管理者 copies the generic type for a 要保護児童対策地域協議会', async ({ page }) => {
  await signIn(page, 'admin');
  await page.getByRole('link', { name: '会議種別' }).click();
  const table = page.getByRole('table', { name: '会議種別一覧' });
  await expect(table.getByRole('row').filter({ hasText: 'shien_kaigi' }).filter({ hasNotText: 'jusou' })).toContainText('社会福祉法第106条の6');
  await table.getByRole('button', { name: '汎用（コピーして使う）をコピーして作成' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('コード（半角英小文字）').fill('youhogo_kyougikai');
  await dialog.getByLabel('名称').fill('要保護児童対策地域協議会');
  await dialog.getByLabel('根拠法令').fill('児童福祉法第25条の2');
  await dialog.getByRole('button', { name: '作成' }).click();
  await expect(page.getByText('会議種別「要保護児童対策地域協議会」を作成しました。')).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: '要保護児童対策地域協議会' })).toContainText('児童福祉法第25条の2');
});
