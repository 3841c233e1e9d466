import { expect, type Page, test } from '@playwright/test';
import { choose, signIn } from './support.js';

test.describe.configure({ mode: 'serial' });

const HOUSEHOLD = '協働調整さん世帯';
const CASE_HEADING = `${HOUSEHOLD} のケース`;
let casePath = '';

const teamSection = (page: Page) => page.getByRole('region', { name: '支援チーム', exact: true });
const coordinationSection = (page: Page) => page.getByRole('region', { name: '多機関協働', exact: true });
const teamRow = (page: Page, text: string | RegExp) =>
  teamSection(page).getByRole('table', { name: '支援チームのメンバー' }).getByRole('row').filter({ hasText: text });

/** チームに加える: an agency chosen from the searchable list, with role and contact person. */
async function addAgency(page: Page, agency: RegExp, role: string, contactPerson: string, contactPhone?: string) {
  const form = teamSection(page).getByRole('form', { name: 'チームに加える' });
  await choose(page, form.getByRole('textbox', { name: '機関', exact: true }), agency);
  await form.getByLabel('役割').fill(role);
  await form.getByLabel('担当者').fill(contactPerson);
  if (contactPhone) await form.getByLabel('連絡先').fill(contactPhone);
  await form.getByRole('button', { name: 'チームに加える' }).click();
  await expect(teamRow(page, agency).getByText(role)).toBeVisible();
}

test('the lead builds the 支援チーム and asks the 多機関協働事業者 to take part', async ({ page }) => {
  await signIn(page, 'houkatsu1');
  await page.goto('/consultation/households/new');
  await page.getByLabel('世帯の呼び名').fill(HOUSEHOLD);
  await page.getByRole('button', { name: '登録' }).click();
  await expect(page.getByRole('heading', { name: HOUSEHOLD })).toBeVisible();
  await page.getByRole('button', { name: 'ケースを開始' }).click();
  await expect(page.getByRole('table', { name: 'ケース一覧' }).getByText('支援中')).toBeVisible();
  await page.getByRole('table', { name: 'ケース一覧' }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: CASE_HEADING })).toBeVisible();
  casePath = new URL(page.url()).pathname;

  await expect(teamSection(page).getByText('支援チームのメンバーはいません。')).toBeVisible();
  await addAgency(page, /こども家庭センター/, '子育て支援・学校との連絡', '北村', '0120-000-111');
  const kodomo = teamRow(page, /こども家庭センター/);
  await expect(kodomo.getByText('北村')).toBeVisible();
  await expect(kodomo.getByText('0120-000-111')).toBeVisible();

  // A community resource by name; then taken off again, and kept in the history.
  const form = teamSection(page).getByRole('form', { name: 'チームに加える' });
  await form.getByText('地域資源', { exact: true }).click();
  await expect(form.getByRole('radio', { name: '地域資源' })).toBeChecked();
  await form.getByLabel('地域資源の名称').fill('ふれあいサロン東町');
  await form.getByLabel('役割').fill('見守り');
  await form.getByRole('button', { name: 'チームに加える' }).click();
  await expect(teamRow(page, 'ふれあいサロン東町').getByText('見守り')).toBeVisible();
  await teamRow(page, 'ふれあいサロン東町').getByRole('button', { name: /チームから外す/ }).click();
  await expect(teamRow(page, 'ふれあいサロン東町')).toHaveCount(0);
  await teamSection(page).getByRole('switch', { name: '過去のメンバーも表示' }).check();
  await expect(teamRow(page, 'ふれあいサロン東町')).toHaveCount(1);
  await expect(teamSection(page).getByRole('columnheader', { name: '外れた日' })).toBeVisible();

  const coordination = coordinationSection(page);
  await expect(coordination.getByText('多機関協働への依頼はまだありません。')).toBeVisible();
  await coordination.getByLabel('多機関協働に依頼する理由').fill('8050と子育ての課題が重なり、複数の機関の役割分担を調整してほしい');
  await coordination.getByRole('button', { name: '多機関協働に依頼' }).click();
  await expect(coordination.getByRole('status').filter({ hasText: '多機関協働に依頼しました。' })).toBeVisible();
  const history = coordination.getByRole('table', { name: '多機関協働の履歴' });
  await expect(history.getByText('依頼中')).toBeVisible();
  await expect(coordination.getByRole('button', { name: '依頼を取り消す' })).toBeVisible();
  await expect(coordination.getByRole('button', { name: '多機関協働に依頼' })).toHaveCount(0);
});

test('the coordinator starts, builds the team, and ends naming the 自立相談支援機関 as the next lead', async ({ page }) => {
  await signIn(page, 'coordinator');
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '多機関協働' }).click();
  await expect(page.getByRole('heading', { name: '多機関協働', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: '会議', exact: true })).toHaveAttribute('href', '/collaboration/meetings');
  await expect(page.getByRole('link', { name: '見直し・期日' })).toHaveAttribute('href', '/collaboration/reminders');
  const row = page.getByRole('table', { name: '依頼・関与中のケース' }).getByRole('row').filter({ hasText: HOUSEHOLD });
  await expect(row.getByText('依頼中')).toBeVisible();
  await expect(row.getByText(/東部地域包括支援センター/)).toBeVisible();
  await row.getByRole('button', { name: '関与を開始する' }).click();
  await expect(page.getByRole('status').filter({ hasText: '関与を開始しました。' })).toBeVisible();
  await expect(row.getByText('関与中')).toBeVisible();
  await row.getByRole('link', { name: HOUSEHOLD }).click();

  await expect(page.getByRole('heading', { name: CASE_HEADING })).toBeVisible();
  await expect(teamRow(page, /社会福祉協議会/).getByText('多機関協働事業者（関与中）')).toBeVisible();
  await addAgency(page, /くらしサポートセンター/, '家計改善・就労支援', '南');

  const coordination = coordinationSection(page);
  await expect(coordination.getByRole('table', { name: '多機関協働の履歴' }).getByText('関与中')).toBeVisible();
  const end = coordination.getByRole('form', { name: '関与を終結する' });
  await expect(end.getByRole('textbox', { name: '今後の主担当' })).toHaveValue(/東部地域包括支援センター/);
  await end.getByLabel('経過のまとめ').fill('役割分担が定まった。今後は家計と就労の支援が中心になる。');
  await choose(page, end.getByRole('textbox', { name: '今後の主担当' }), /くらしサポートセンター/);
  await end.getByRole('button', { name: '関与を終結する' }).click();

  // The coordinator's agency leaves the team, so it is back on its own list.
  await expect(page.getByRole('heading', { name: '多機関協働', level: 1 })).toBeVisible();
  await page.getByRole('switch', { name: '終了した依頼・関与も表示' }).check();
  const ended = page.getByRole('table', { name: '依頼・関与中のケース' }).getByRole('row').filter({ hasText: HOUSEHOLD });
  await expect(ended.getByText('関与終結', { exact: true })).toBeVisible();
  await page.goto(casePath);
  await expect(page.getByText('対象が見つかりません').first()).toBeVisible();
});

test('the named agency accepts the lead; the history shows the involvement', async ({ page }) => {
  await signIn(page, 'jiritsu');
  await page.goto('/consultation/transfers');
  const row = page.getByRole('table', { name: '受信した依頼' }).getByRole('row').filter({ hasText: HOUSEHOLD });
  await expect(row.getByText(/多機関協働の関与終結/)).toBeVisible();
  await row.getByRole('button', { name: '受理する' }).click();
  await expect(page.getByRole('heading', { name: CASE_HEADING })).toBeVisible();
  await expect(page.getByRole('table', { name: '主担当の履歴' }).getByText(/くらしサポートセンター/)).toBeVisible();

  const history = coordinationSection(page).getByRole('table', { name: '多機関協働の履歴' });
  await expect(history.getByText('関与終結', { exact: true })).toBeVisible();
  await expect(history.getByText(/今後の主担当: .*くらしサポートセンター/)).toBeVisible();
  await expect(history.getByText(/経過のまとめ: 役割分担が定まった。/)).toBeVisible();
  // As the new lead it manages the team; the former lead is no longer on it.
  await expect(teamRow(page, /こども家庭センター/).getByText('北村')).toBeVisible();
  await expect(teamRow(page, /社会福祉協議会/)).toHaveCount(0);
  await expect(teamSection(page).getByRole('form', { name: 'チームに加える' })).toBeVisible();
});

test('a worker of an agency outside the team cannot open the case', async ({ page }) => {
  await signIn(page, 'soudan1');
  await page.goto(casePath);
  await expect(page.getByText('対象が見つかりません').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: CASE_HEADING })).toHaveCount(0);
});
