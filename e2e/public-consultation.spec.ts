import { expect, type Page, test } from '@playwright/test';
import { signIn } from './support.js';

/**
 * 住民のオンライン相談: a resident sends the public form without signing in (やさしい日本語, on a
 * phone, keyboard only) and gets a 受付番号; the designated agency (the demo's 福祉総合課, whose
 * worker is `admin`) finds it in its queue; an English submission is English throughout.
 */
test.describe.configure({ mode: 'serial' });

const REFERENCE = /^W-\d{4}-[0-9A-HJKMNP-TV-Z]{4}$/;
const MIN_FILL_MS = 3_500; // the server refuses a form sent within 3 seconds of opening it
const worry = `ははの かいごで しごとに いけません。e2e-${Date.now()}`;
let referenceNumber = '';

/** A person needs time to read and write; a test fills the form faster than the server accepts. */
async function waitForMinimumFillTime(page: Page, openedAt: number) {
  const left = MIN_FILL_MS - (Date.now() - openedAt);
  if (left > 0) await page.waitForTimeout(left);
}

test.describe('a resident, on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('sends the form in やさしい日本語 without signing in, with the keyboard only, and gets a 受付番号 and nothing else back', async ({ page }) => {
    await page.goto('/login');
    await page.getByRole('link', { name: 'オンライン相談（どなたでも）' }).click();
    await expect(page).toHaveURL(/\/soudan$/);
    await expect(page.getByRole('heading', { level: 1, name: 'オンライン そうだん' })).toBeVisible();
    // The form shows once its token has arrived: the fill time counts from here.
    await expect(page.getByRole('button', { name: 'おくる' })).toBeVisible();
    const openedAt = Date.now();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(page.getByText('デモ市の そうだん まどぐち')).toBeVisible();

    // Sending an empty form: the error summary takes the focus and links to each field.
    await page.getByRole('button', { name: 'おくる' }).focus();
    await page.keyboard.press('Enter');
    const summary = page.getByRole('alert').filter({ hasText: 'なおす ところが あります' });
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link')).toHaveText(['こまって いる ことを かいて ください。', 'ひとつ えらんで ください。', 'ひとつ えらんで ください。', 'ひとつ えらんで ください。']);
    await page.keyboard.press('Tab');
    await expect(summary.getByRole('link').first()).toBeFocused();
    await page.keyboard.press('Enter');
    const text = page.getByRole('textbox', { name: 'こまって いる ことを かいて ください' });
    await expect(text).toBeFocused();
    await page.keyboard.type(worry);
    // A problem goes away as soon as its answer changes.
    await expect(summary.getByRole('link')).toHaveCount(3);

    // Choices by keyboard: Space ticks a checkbox, arrow keys move within a radio group.
    await page.getByRole('checkbox', { name: 'くらしの おかね' }).focus();
    await page.keyboard.press('Space');
    await expect(page.getByRole('checkbox', { name: 'くらしの おかね' })).toBeChecked();
    await page.getByRole('radio', { name: 'こまって いる ほんにん' }).focus();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('radio', { name: 'かぞく', exact: true })).toBeChecked();
    await page.getByRole('radio', { name: 'でんわ' }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('radio', { name: 'れんらくは いりません' })).toBeChecked();
    await expect(page.getByText('れんらくは しません。')).toBeVisible();
    await page.getByRole('radio', { name: 'はい、つたえても いいです' }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('radio', { name: 'わからない' })).toBeChecked();

    await waitForMinimumFillTime(page, openedAt);
    await page.getByRole('button', { name: 'おくる' }).focus();
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { name: 'うけつけました' });
    await expect(heading).toBeFocused();
    referenceNumber = (await page.getByTestId('reference-number').textContent())?.trim() ?? '';
    expect(referenceNumber).toMatch(REFERENCE);
    await expect(page.getByText('うけつけ ばんごう', { exact: true })).toBeVisible();
    await expect(page.getByRole('status')).toContainText(referenceNumber);
    // Nothing the resident wrote is echoed back.
    await expect(page.getByText(worry)).toHaveCount(0);
    await expect(page.getByRole('textbox')).toHaveCount(0);
    // No horizontal scrolling at phone width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });

  test('sends it in English: every word on the page is English', async ({ page }) => {
    await page.goto('/soudan');
    await page.getByRole('navigation', { name: 'ことば（Language）' }).getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(/\/soudan\?lang=en$/);
    await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
    const openedAt = Date.now();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1, name: 'Online consultation' })).toBeVisible();
    await expect(page.getByText('Consultation service of デモ市')).toBeVisible();

    await page.getByRole('checkbox', { name: 'No food to eat' }).check();
    await page.getByRole('textbox', { name: 'Please write what you are worried about' }).fill('I lost my job and I have no food.');
    await page.getByRole('radio', { name: 'The person who needs help' }).check();
    await page.getByRole('radio', { name: 'Phone' }).check();
    await page.getByRole('textbox', { name: 'Phone number' }).fill('12');
    await page.getByRole('radio', { name: 'Morning (9:00–12:00)' }).check();
    await page.getByRole('radio', { name: 'Yes, you may tell them' }).check();
    await page.getByRole('button', { name: 'Send' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Please correct these answers' });
    await expect(summary.getByRole('link', { name: 'Please check your phone number.' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Phone number' })).toHaveAttribute('aria-invalid', 'true');
    await page.getByRole('textbox', { name: 'Phone number' }).fill('090-1234-5678');

    await waitForMinimumFillTime(page, openedAt);
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByRole('heading', { name: 'We received your message' })).toBeVisible();
    await expect(page.getByText('Reference number', { exact: true })).toBeVisible();
    await expect(page.getByTestId('reference-number')).toHaveText(REFERENCE);
    await expect(page.getByRole('heading', { name: 'What happens next' })).toBeVisible();
    await expect(page.getByText('090-1234-5678')).toHaveCount(0);
    await expect(page.locator('main')).not.toContainText(/[ぁ-んァ-ン]/);
  });
});

test('a worker of the designated agency finds the submission in 誰も担当していない相談 and opens its 相談受付票', async ({ page }) => {
  expect(referenceNumber).toMatch(REFERENCE);
  await signIn(page, 'admin');
  await page.goto('/referral/unowned');
  await expect(page.getByRole('heading', { name: '誰も担当していない相談' })).toBeVisible();
  const row = page.getByRole('table', { name: '誰も担当していない相談の一覧' }).getByRole('row').filter({ hasText: referenceNumber });
  await expect(row.getByText('主担当なし')).toBeVisible();
  await expect(row.getByText('本人不明')).toBeVisible();
  await row.getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: '相談受付票' })).toBeVisible();
  await expect(page.getByText(`住民のオンライン相談（受付番号 ${referenceNumber}）`)).toBeVisible();
  await expect(page.getByText(worry).first()).toBeVisible();
  await expect(page.getByText('オンライン', { exact: true })).toBeVisible();

  // It is in the agency's list of 受付した相談 too.
  await page.goto('/consultation');
  await expect(page.getByRole('table', { name: '受付した相談' }).getByRole('row').filter({ hasText: referenceNumber })).toBeVisible();
});

test('another agency does not see it', async ({ page }) => {
  await signIn(page, 'houkatsu1');
  await page.goto('/referral/unowned');
  await expect(page.getByRole('heading', { name: '誰も担当していない相談' })).toBeVisible();
  await expect(page.getByRole('table', { name: '誰も担当していない相談の一覧' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: referenceNumber })).toHaveCount(0);
});

test('the 市町村管理者 sees the receiving agency on オンライン相談の設定', async ({ page }) => {
  await signIn(page, 'admin');
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'オンライン相談の設定' }).click();
  await expect(page.getByRole('heading', { name: 'オンライン相談の設定' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: '受付先の機関' })).toHaveValue('デモ市 福祉総合課（重層事業担当）');
  await expect(page.getByRole('switch', { name: '住民のオンライン相談を受け付ける' })).toBeChecked();
});
