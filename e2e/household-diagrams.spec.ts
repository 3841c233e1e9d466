import { type APIRequestContext, expect, test } from '@playwright/test';
import { E2E_PASSWORD } from '../playwright.config.js';
import { choose, signIn } from './support.js';

test.describe.configure({ mode: 'serial' });

/**
 * Test data through the API (as the web app would send it): a three-generation household whose case
 * the 地域包括 opened and handed to the 自立相談支援機関 (主担当 now; the 地域包括 is the former lead).
 */
async function seedFamily(request: APIRequestContext) {
  let headers: Record<string, string> = {};
  const signInAs = async (loginName: string) => {
    const login = await request.post('/api/v1/auth/login', { data: { loginName, password: E2E_PASSWORD } });
    expect(login.ok()).toBe(true);
    headers = { 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
  };
  const post = async (url: string, data?: unknown) => {
    const res = await request.post(url, { data, headers });
    expect(res.ok(), await res.text()).toBe(true);
    return (await res.json()) as { id: string; version: number };
  };
  await signInAs('jiritsu');
  const jiritsuAgency = ((await (await request.get('/api/v1/me')).json()) as { agencies: Array<{ id: string }> }).agencies[0]!.id;
  await signInAs('houkatsu1');
  const person = (givenName: string, sex: string, birthDate: string, concerns = { categories: [] as string[], tags: [] as string[] }) =>
    post('/api/v1/persons', { familyName: '樫木', givenName, familyKana: 'かしき', sex, birthDate, concerns }).then((p) => p.id);
  const grandma = await person('絹代', 'female', '1941-04-10', { categories: ['care'], tags: [] });
  const father = await person('健一', 'male', '1967-09-01');
  const mother = await person('由美', 'female', '1970-02-14');
  const son = await person('翔', 'male', '2007-06-20', { categories: ['withdrawal'], tags: ['ひきこもり'] });
  const daughter = await person('葵', 'female', '2012-11-03');
  const elder = await person('美咲', 'female', '1995-05-05');
  const household = await post('/api/v1/households', {
    label: '樫木さん世帯',
    members: [
      { personId: father, roleInHousehold: 'head' },
      { personId: grandma },
      { personId: mother },
      { personId: son },
      { personId: daughter },
      { personId: elder, livingTogether: false },
    ],
  });
  const tie = (a: string, b: string, kind: string) => post(`/api/v1/households/${household.id}/relationships`, { personId: a, relatedPersonId: b, kind });
  await tie(grandma, father, 'parent');
  await tie(father, mother, 'spouse');
  for (const child of [son, daughter, elder]) await tie(father, child, 'parent');
  for (const child of [son, elder]) await tie(mother, child, 'parent');
  await post('/api/v1/consultations', { route: 'visit', visitor: { kind: 'self' }, personId: son, categories: ['withdrawal'], summary: '外出できない' });
  const kase = await post('/api/v1/cases', { householdId: household.id, note: 'ひきこもりの相談' });
  await post(`/api/v1/cases/${kase.id}/transfer`, { toAgencyId: jiritsuAgency, reason: '家計の支援が中心になるため', version: kase.version });
  await signInAs('jiritsu');
  const inbox = (await (await request.get('/api/v1/case-transfers/inbox')).json()) as { items: Array<{ transferId: string }> };
  await post(`/api/v1/case-transfers/${inbox.items[0]!.transferId}/accept`);
  return household.id;
}

let householdId = '';

test('a worker sees the genogram of a three-generation household and records a missing 続柄', async ({ page, request }) => {
  householdId = await seedFamily(request);
  await signIn(page, 'houkatsu1');
  await page.goto(`/consultation/households/${householdId}`);
  await expect(page.getByRole('heading', { name: '樫木さん世帯' })).toBeVisible();
  const section = page.getByRole('region', { name: '家族図・エコマップ' });
  await expect(section.getByRole('tab', { name: 'ジェノグラム', selected: true })).toBeVisible();

  // 由美 は 葵 の 親: recorded on screen.
  await choose(page, section.getByRole('textbox', { name: 'この方は' }), '樫木 由美');
  await choose(page, section.getByRole('textbox', { name: '（相手）の' }), '樫木 葵');
  await section.getByRole('button', { name: '登録', exact: true }).click();
  await expect(section.getByRole('status')).toHaveText('続柄を登録しました。');
  await expect(section.getByRole('table', { name: '登録済みの続柄' }).getByText('樫木 由美 は 樫木 葵 の親')).toBeVisible();

  const chart = section.getByRole('img', { name: 'ジェノグラム' });
  await expect(chart).toBeVisible();
  for (const name of ['絹代', '健一', '由美', '翔', '葵', '美咲']) {
    await expect(chart.locator('svg text').filter({ hasText: name }).first()).toBeVisible();
  }
  await chart.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await chart.screenshot({ path: '/tmp/genogram.png' });

  await section.getByText('表', { exact: true }).click();
  const table = section.getByRole('table', { name: 'ジェノグラム' });
  const rowOf = (name: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  await expect(table.getByRole('row')).toHaveCount(7);
  await expect(rowOf('樫木 翔')).toContainText('樫木 健一 の子');
  await expect(rowOf('樫木 翔')).toContainText('ひきこもり');
  await expect(rowOf('樫木 絹代')).toContainText('樫木 健一 の親');
  await expect(rowOf('樫木 由美')).toContainText('樫木 健一 の配偶者');
  await expect(rowOf('樫木 美咲')).toContainText('別居');
});

test('the ecomap shows the household with its lead and former lead, as a chart and as a table', async ({ page }) => {
  await signIn(page, 'houkatsu1');
  await page.goto(`/consultation/households/${householdId}`);
  const section = page.getByRole('region', { name: '家族図・エコマップ' });
  await section.getByRole('tab', { name: 'エコマップ' }).click();
  const chart = section.getByRole('img', { name: 'エコマップ' });
  await expect(chart).toBeVisible();
  // Long names wrap onto two lines of the label.
  for (const agency of ['デモ市くらしサポートセンター', 'デモ市東部地域包括支援センター']) {
    await expect(chart.locator('svg text').filter({ hasText: agency }).first()).toBeVisible();
  }
  await expect(chart.locator('svg text').filter({ hasText: '樫木さん世帯' }).first()).toBeVisible();
  await expect(section.getByRole('list', { name: '線の種類' })).toContainText('主担当');
  await chart.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await chart.screenshot({ path: '/tmp/ecomap.png' });

  await section.getByText('表', { exact: true }).click();
  const table = section.getByRole('table', { name: 'エコマップ' });
  const rowOf = (name: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  await expect(rowOf('デモ市くらしサポートセンター（自立相談支援機関）')).toContainText('主担当');
  await expect(rowOf('デモ市東部地域包括支援センター')).toContainText('登録機関、相談受付、以前の主担当');
  await expect(rowOf('デモ市東部地域包括支援センター')).toContainText('地域包括支援センター');
});

test('a worker of an unrelated agency sees neither diagram', async ({ page }) => {
  await signIn(page, 'kodomo');
  await page.goto(`/consultation/households/${householdId}`);
  await expect(page.getByText('対象が見つかりません。')).toBeVisible();
  await expect(page.getByRole('region', { name: '家族図・エコマップ' })).toHaveCount(0);
});
