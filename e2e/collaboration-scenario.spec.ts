/**
 * The whole 多機関協働 chain of the issue: the lead asks the 多機関協働事業者 → 関与開始 → 支援チーム →
 * 支援プラン 第1版 → 重層的支援会議 approves it (プラン承認) → 評価 → 終結 → 関与終結 naming the lead.
 */
import { expect, type Page, test } from '@playwright/test';
import { choose, day, signIn } from './support.js';

test.describe.configure({ mode: 'serial' });

const HOUSEHOLD = '重田さん世帯';
const CASE_HEADING = `${HOUSEHOLD} のケース`;
const MEETING = '重層的支援会議（重田さん世帯）';
const SHORT_GOAL = '家計の状況を整理する';
let casePath = '';
let planPath = '';
let meetingPath = '';

const teamSection = (page: Page) => page.getByRole('region', { name: '支援チーム', exact: true });
const coordinationSection = (page: Page) => page.getByRole('region', { name: '多機関協働', exact: true });
const history = (page: Page) => coordinationSection(page).getByRole('table', { name: '多機関協働の履歴' });

test('the lead registers the household with consent (同意あり), opens a case and asks 多機関協働', async ({ page }) => {
  await signIn(page, 'houkatsu1');
  await page.goto('/consultation/persons/new');
  await page.getByLabel('氏（姓）').fill('重田');
  await page.getByLabel('名', { exact: true }).fill('和子');
  await page.getByLabel('ふりがな（姓）').fill('しげた');
  await page.getByLabel('ふりがな（名）').fill('かずこ');
  await page.getByRole('button', { name: '登録' }).click();
  await expect(page.getByRole('heading', { name: '重田 和子' })).toBeVisible();
  const personUrl = page.url();

  await page.goto('/consultation/households/new');
  await page.getByLabel('世帯の呼び名').fill(HOUSEHOLD);
  await page.getByLabel('世帯員を検索').fill('しげた');
  await page.getByLabel('世帯員を検索').press('Enter');
  await page.getByRole('row').filter({ hasText: '重田 和子' }).getByRole('button', { name: '追加' }).click();
  await page.getByRole('button', { name: '登録' }).click();
  await expect(page.getByRole('heading', { name: HOUSEHOLD })).toBeVisible();
  await page.getByRole('button', { name: 'ケースを開始' }).click();
  await expect(page.getByRole('table', { name: 'ケース一覧' }).getByText('支援中')).toBeVisible();
  await page.getByRole('table', { name: 'ケース一覧' }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: CASE_HEADING })).toBeVisible();
  casePath = new URL(page.url()).pathname;

  // She consents to sharing with the related agencies, with no limit on which (同意あり).
  await page.goto(personUrl);
  await page.getByRole('link', { name: 'この方の相談を受け付ける' }).click();
  await expect(page.getByRole('heading', { name: '相談受付' })).toBeVisible();
  await page.getByRole('radio', { name: '本人', exact: true }).check();
  await page.getByRole('checkbox', { name: '収入・生活費' }).check();
  await page.getByRole('checkbox', { name: '介護' }).check();
  await page.getByRole('radio', { name: '収入・生活費を主訴にする' }).check();
  await page.getByLabel('相談内容').fill('夫の介護と家計の不安。子の就労も止まっており、複数の機関の支援が必要。');
  await page.getByRole('radio', { name: '同意あり' }).check();
  await page.getByRole('button', { name: '相談を受け付ける' }).click();
  await expect(page.getByRole('heading', { name: '相談受付票' })).toBeVisible();

  await page.goto(casePath);
  const coordination = coordinationSection(page);
  await coordination.getByLabel('多機関協働に依頼する理由').fill('介護・家計・就労の課題が重なり、機関の役割分担の調整が必要');
  await coordination.getByRole('button', { name: '多機関協働に依頼' }).click();
  await expect(history(page).getByText('依頼中', { exact: true })).toBeVisible();
});

test('the coordinator starts, adds the 自立相談支援機関 to the team and writes 支援プラン 第1版', async ({ page }) => {
  await signIn(page, 'coordinator');
  await page.goto('/collaboration');
  const row = page.getByRole('table', { name: '依頼・関与中のケース' }).getByRole('row').filter({ hasText: HOUSEHOLD });
  await row.getByRole('button', { name: '関与を開始する' }).click();
  await expect(row.getByText('関与中', { exact: true })).toBeVisible();
  await row.getByRole('link', { name: HOUSEHOLD }).click();
  await expect(page.getByRole('heading', { name: CASE_HEADING })).toBeVisible();

  const add = teamSection(page).getByRole('form', { name: 'チームに加える' });
  await choose(page, add.getByRole('textbox', { name: '機関', exact: true }), /くらしサポートセンター/);
  await add.getByLabel('役割').fill('家計改善・就労支援');
  await add.getByLabel('担当者').fill('南');
  await add.getByRole('button', { name: 'チームに加える' }).click();
  const members = teamSection(page).getByRole('table', { name: '支援チームのメンバー' });
  await expect(members.getByRole('row').filter({ hasText: /くらしサポートセンター/ }).getByText('家計改善・就労支援')).toBeVisible();

  await page.getByRole('region', { name: '支援プラン' }).getByRole('button', { name: '支援プランを作成' }).click();
  const form = page.getByRole('form', { name: '支援プランを作成' });
  await form.getByLabel('本人の言葉', { exact: true }).fill('夫の介護を続けながら、暮らしを立て直したい');
  await form.getByLabel('希望', { exact: true }).fill('家で暮らし続けたい');
  await form.getByLabel('長期目標', { exact: true }).fill('介護と家計の見通しを持って暮らす');
  await form.getByLabel('短期目標1', { exact: true }).fill(SHORT_GOAL);
  await form.getByLabel('課題・ニーズ', { exact: true }).fill('介護負担と収入減');
  await form.getByLabel('役割分担1の担当者').fill('くらしサポートセンター 南');
  await form.getByLabel('役割分担1の内容').fill('家計相談');
  await form.getByLabel('役割分担1の期日').fill(day(14));
  await form.getByLabel('期間（開始）').fill(day(0));
  await form.getByLabel('期間（終了）').fill(day(180));
  await form.getByLabel('次回見直し日').fill(day(30));
  await form.getByRole('button', { name: '作成する' }).click();
  await expect(page.getByRole('heading', { name: `支援プラン（${HOUSEHOLD}）` })).toBeVisible();
  await expect(page.getByRole('table', { name: 'プラン兼利用申込書' }).getByRole('row', { name: /承認した会議/ })).toContainText('未承認');
  planPath = new URL(page.url()).pathname;
});

test('the coordinator schedules a 重層的支援会議 with the lead and the team as members', async ({ page }) => {
  await signIn(page, 'coordinator');
  await page.goto('/collaboration');
  await page.getByRole('link', { name: '会議', exact: true }).click();
  await page.getByRole('link', { name: '会議の予定を立てる' }).click();
  await expect(page.getByRole('heading', { name: '会議の予定を立てる' })).toBeVisible();
  await page.getByLabel('会議種別').selectOption({ label: '重層的支援会議' });
  await expect(page.getByText(/本人同意が必要/)).toBeVisible();
  await page.getByLabel('会議名').fill(MEETING);
  await page.getByLabel('日時').fill(`${day(0)}T10:00`);
  await page.getByLabel('場所').fill('社会福祉協議会 相談室');
  for (const box of await page.getByRole('checkbox').all()) await box.uncheck();
  await page.getByRole('checkbox', { name: 'デモ市東部地域包括支援センター' }).check();
  await page.getByRole('checkbox', { name: /くらしサポートセンター/ }).check();
  await page.getByRole('button', { name: '予定を登録' }).click();
  await expect(page.getByRole('heading', { name: MEETING })).toBeVisible();
  meetingPath = new URL(page.url()).pathname;
});

test('the lead puts the case on the agenda; the consent (同意あり) covers every member', async ({ page }) => {
  // The agenda picker lists only cases the user's agency leads, so the lead adds it (not the coordinator).
  await signIn(page, 'houkatsu1');
  await page.goto(meetingPath);
  await page.getByLabel('議題に追加するケース').selectOption({ label: HOUSEHOLD });
  await page.getByRole('button', { name: '議題にする' }).click();
  await expect(page.getByText('議題に追加しました。')).toBeVisible();
  await expect(page.getByRole('article', { name: HOUSEHOLD }).getByText(/本人同意 #/)).toBeVisible();
});

test('the coordinator opens the meeting and records プラン承認 for 第1版', async ({ page }) => {
  await signIn(page, 'coordinator');
  await page.goto(meetingPath);
  await page.getByRole('button', { name: '会議を開始する' }).click();
  await expect(page.getByText('会議を開始しました。')).toBeVisible();
  const item = page.getByRole('article', { name: HOUSEHOLD });
  await item.getByRole('button', { name: '資料を表示' }).click();
  await item.getByLabel('決定', { exact: true }).selectOption({ label: 'プラン承認' });
  // The decision approves the case's 実施中の支援プラン; its newest version is proposed.
  await expect(item.getByText('対象：実施中の支援プラン')).toBeVisible();
  await expect(item.getByLabel('版', { exact: true })).toHaveValue('1');
  await item.getByRole('button', { name: '決定を記録' }).click();
  await expect(item.getByText('決定を記録しました。')).toBeVisible();
  await expect(item.getByText('決定: プラン承認', { exact: true })).toBeVisible();

  await page.goto(planPath);
  await expect(page.getByRole('table', { name: 'プラン兼利用申込書' }).getByRole('row', { name: /承認した会議/ })).toContainText(MEETING);
});

test('the plan is evaluated and closed (終結) with a reason', async ({ page }) => {
  await signIn(page, 'coordinator');
  await page.goto(planPath);
  const evaluation = page.getByRole('form', { name: '評価を記録する' });
  await evaluation.getByLabel(`経過: ${SHORT_GOAL}`).fill('家計表を一緒に作成した');
  await evaluation.getByLabel(`成果: ${SHORT_GOAL}`).fill('毎月の収支が把握できた');
  await evaluation.getByLabel('総括').fill('目標を達成した');
  await evaluation.getByRole('button', { name: '評価を記録する' }).click();
  await expect(page.getByText('評価を記録しました。')).toBeVisible();
  await expect(page.getByRole('table', { name: '評価の記録' })).toContainText('毎月の収支が把握できた');

  const close = page.getByRole('form', { name: '終結・中断' });
  await close.getByLabel('終結', { exact: true }).check();
  await close.getByLabel('理由').fill('家計の見通しが立ち、支援プランの目標を達成した');
  await close.getByRole('button', { name: '終結・中断を記録する' }).click();
  await expect(page.getByText('終結・中断を記録しました。')).toBeVisible();
  await expect(page.getByText('理由: 家計の見通しが立ち、支援プランの目標を達成した')).toBeVisible();
});

test('the coordinator ends its involvement naming the current lead; the case stays open with that lead', async ({ page }) => {
  await signIn(page, 'coordinator');
  await page.goto(casePath);
  await expect(page.getByRole('region', { name: '支援プラン' }).getByText('終結', { exact: true })).toBeVisible();
  const end = coordinationSection(page).getByRole('form', { name: '関与を終結する' });
  await expect(end.getByRole('textbox', { name: '今後の主担当' })).toHaveValue('デモ市東部地域包括支援センター');
  await end.getByLabel('経過のまとめ').fill('重層的支援会議でプランを承認し、評価のうえ終結した。今後は地域包括が見守る。');
  await end.getByRole('button', { name: '関与を終結する' }).click();
  await expect(page.getByRole('heading', { name: '多機関協働', level: 1 })).toBeVisible();

  await signIn(page, 'houkatsu1');
  await page.goto(casePath);
  await expect(history(page).getByText('関与終結', { exact: true })).toBeVisible();
  await expect(history(page).getByText('今後の主担当: デモ市東部地域包括支援センター')).toBeVisible();
  await expect(page.getByText(/主担当の変更を依頼中/)).toHaveCount(0);
  const members = teamSection(page).getByRole('table', { name: '支援チームのメンバー' });
  await expect(members.getByRole('row').filter({ hasText: /社会福祉協議会/ })).toHaveCount(0);
  await expect(members.getByRole('row').filter({ hasText: /くらしサポートセンター/ })).toHaveCount(1);
  await expect(coordinationSection(page).getByRole('button', { name: '多機関協働に依頼' })).toBeVisible();
});
