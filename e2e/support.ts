/** Steps every end-to-end test shares: signing in as a demo user and calendar days in Japan. */
import { type Browser, expect, type Locator, type Page } from '@playwright/test';
import { E2E_PASSWORD } from '../playwright.config.js';

/** Signs in as one of the demo users (their password is set for the e2e server) and waits for ホーム. */
export async function signIn(page: Page, loginName: string) {
  await page.goto('/login');
  await page.getByLabel('ログイン名').fill(loginName);
  await page.getByLabel('パスワード').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await expect(page.getByRole('heading', { name: 'ホーム' })).toBeVisible();
}

/** Signs in on a phone-width screen of its own (a 民生委員 in the field); close its context when done. */
export async function signInOnPhone(browser: Browser, loginName: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ja-JP', timezoneId: 'Asia/Tokyo', isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signIn(page, loginName);
  return page;
}

/** A calendar day in Japan, `offset` days from today, as YYYY-MM-DD. */
export function day(offset: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + offset * 86_400_000));
}

/**
 * Picks an option of a Mantine Select. The click is retried: a list that loads (or a section that re-renders)
 * while the dropdown opens can close it, and a single click would then wait for an option that never shows.
 */
export async function choose(page: Page, field: Locator, option: string | RegExp, exact = false) {
  await expect(async () => {
    const choice = page.getByRole('option', { name: option, exact });
    if (!(await choice.isVisible())) await field.click();
    await choice.click({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}
