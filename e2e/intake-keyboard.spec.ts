import { expect, type Page, test } from '@playwright/test';
import { signIn } from './support.js';

/**
 * 相談受付 by keyboard alone: Tab to move, arrow keys and Space to choose, typing to fill, Enter to
 * save — and Enter while an IME is composing never submits.
 */

/** Presses Tab until the focused element is `target` (fails if it is never reached). */
async function tabTo(page: Page, target: ReturnType<Page['getByRole']>, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('never reached by Tab');
}

test('a worker takes a consultation with the keyboard only', async ({ page }) => {
  await signIn(page, 'soudan1');
  await page.goto('/consultation/intake/new');
  await expect(page.getByRole('heading', { name: '相談受付' })).toBeVisible();

  await tabTo(page, page.getByRole('radio', { name: '来所' }));
  await page.keyboard.press('ArrowRight'); // 電話
  await expect(page.getByRole('radio', { name: '電話' })).toBeChecked();
  await tabTo(page, page.getByRole('radio', { name: '本人', exact: true }));
  await page.keyboard.press('ArrowRight'); // 本人以外
  await expect(page.getByRole('radio', { name: '本人以外' })).toBeChecked();
  await tabTo(page, page.getByLabel('本人との関係'));
  await page.keyboard.type('近隣住民');
  await tabTo(page, page.getByRole('checkbox', { name: '匿名・本人不明' }));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('checkbox', { name: '住まい' }));
  await page.keyboard.press('Space');
  // The ◎ beside a checked item is the next stop.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio', { name: '住まいを主訴にする' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByRole('radio', { name: '住まいを主訴にする' })).toBeChecked();
  await tabTo(page, page.getByRole('checkbox', { name: '地域との関係' }));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByLabel('相談内容'));
  await page.keyboard.type('隣家の庭にごみがたまり、においがする。住人の高齢男性と連絡が取れない。');

  // Enter that confirms an IME conversion (isComposing) is cancelled by the form, so it can never
  // submit; a plain Enter is left alone.
  const notCancelled = (composing: boolean) =>
    page.getByLabel('本人との関係').evaluate(
      (el, isComposing) => el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, isComposing })),
      composing,
    );
  expect(await notCancelled(true)).toBe(false);
  expect(await notCancelled(false)).toBe(true);
  await expect(page.getByRole('heading', { name: '相談受付' })).toBeVisible();

  await tabTo(page, page.getByRole('button', { name: '相談を受け付ける' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: '相談受付票' })).toBeVisible();
  await expect(page.getByText('◎ 住まい')).toBeVisible();
  await expect(page.getByText('近隣住民').first()).toBeVisible();
});
