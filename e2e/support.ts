/** Steps every end-to-end test shares: signing in as a demo user and calendar days in Japan. */
import { expect, type Page } from '@playwright/test';
import { E2E_PASSWORD } from '../playwright.config.js';

/** Signs in as one of the demo users (their password is set for the e2e server) and waits for ホーム. */
export async function signIn(page: Page, loginName: string) {
  await page.goto('/login');
  await page.getByLabel('ログイン名').fill(loginName);
  await page.getByLabel('パスワード').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await expect(page.getByRole('heading', { name: 'ホーム' })).toBeVisible();
}

/** A calendar day in Japan, `offset` days from today, as YYYY-MM-DD. */
export function day(offset: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + offset * 86_400_000));
}
