import { expect, type Page, test } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { E2E_PASSWORD } from '../playwright.config.js';
import { choose } from './support.js';

test.describe.configure({ mode: 'serial' });

async function signIn(page: Page, loginName: string, password = E2E_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('ログイン名').fill(loginName);
  await page.getByLabel('パスワード').fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'ログアウト' }).click();
  await expect(page.getByRole('heading', { name: 'Kasane ログイン' })).toBeVisible();
}

function codeFor(secret: string, offsetSeconds = 0) {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
  return totp.generate({ timestamp: Date.now() + offsetSeconds * 1000 });
}

const newLogin = `e2e.worker.${Date.now() % 100000}`;

test('a caseworker signs in and sees their agency and role', async ({ page }) => {
  await signIn(page, 'houkatsu1');
  await expect(page.getByRole('heading', { name: 'ホーム' })).toBeVisible();
  await expect(page.getByText('デモ市東部地域包括支援センター').first()).toBeVisible();
  await expect(page.getByText('相談支援員').first()).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '包括的相談支援' })).toBeVisible();
  await signOut(page);
});

test('a wrong password is refused with a Japanese message', async ({ page }) => {
  await signIn(page, 'soudan1', 'not-the-right-password');
  await expect(page.getByRole('alert')).toContainText('ログイン名またはパスワードが正しくありません');
  await expect(page).toHaveURL(/\/login/);
});

test('repeated failures lock the account', async ({ page }) => {
  for (let i = 0; i < 5; i++) {
    await signIn(page, 'jiritsu', `wrong-password-${i}`);
    await expect(page.getByRole('alert')).toBeVisible();
  }
  await expect(page.getByRole('alert')).toContainText('しばらくログインできません');
  await signIn(page, 'jiritsu');
  await expect(page.getByRole('alert')).toContainText('しばらくログインできません');
});

test('a user enrols a TOTP second factor and must give a code at the next sign-in', async ({ page }) => {
  await signIn(page, 'kodomo');
  await expect(page.getByRole('heading', { name: 'ホーム' })).toBeVisible();
  await page.getByRole('link', { name: '個人設定' }).click();
  await page.getByRole('button', { name: '二要素認証を設定' }).click();
  await expect(page.getByRole('img', { name: '二要素認証のQRコード' })).toBeVisible();
  const secret = (await page.getByLabel('シークレットキー').inputValue()).replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]+=*$/);
  await page.getByLabel('確認コード').fill(codeFor(secret));
  await page.getByRole('button', { name: '登録', exact: true }).click();
  await expect(page.getByText('設定済み')).toBeVisible();
  await signOut(page);

  await signIn(page, 'kodomo');
  await expect(page.getByLabel('確認コード')).toBeVisible();
  await page.getByLabel('確認コード').fill('000000' === codeFor(secret, 30) ? '111111' : '000000');
  await page.getByRole('button', { name: '確認' }).click();
  await expect(page.getByRole('alert')).toContainText('確認コードが正しくありません');
  await page.getByLabel('確認コード').fill(codeFor(secret, 30));
  await page.getByRole('button', { name: '確認' }).click();
  await expect(page.getByRole('heading', { name: 'ホーム' })).toBeVisible();
  await signOut(page);
});

test('an administrator creates a user, who then signs in', async ({ page }) => {
  await signIn(page, 'admin');
  await page.getByRole('link', { name: '利用者管理' }).click();
  await expect(page.getByRole('heading', { name: '利用者管理' })).toBeVisible();
  await page.getByRole('button', { name: '利用者を追加' }).click();
  await page.getByLabel('ログイン名').fill(newLogin);
  await page.getByLabel('氏名').fill('新任 相談員');
  await page.getByLabel('初期パスワード').fill('initial-password-for-e2e');
  await choose(page, page.getByRole('textbox', { name: '役割' }), '相談支援員');
  await page.keyboard.press('Escape');
  await choose(page, page.getByRole('textbox', { name: '所属機関' }), '相談支援事業所あおば');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '登録' }).click();
  await expect(page.getByRole('table', { name: '利用者一覧' }).getByText(newLogin)).toBeVisible();
  await signOut(page);

  await signIn(page, newLogin, 'initial-password-for-e2e');
  await expect(page.getByRole('heading', { name: 'ホーム' })).toBeVisible();
  await expect(page.getByText('相談支援事業所あおば').first()).toBeVisible();
  await signOut(page);
});

test('the auditor sees the user creation and that user’s sign-in in the audit log', async ({ page }) => {
  await signIn(page, 'auditor');
  await page.getByRole('link', { name: '監査ログ' }).click();
  await expect(page.getByRole('heading', { name: '監査ログ' })).toBeVisible();
  const table = page.getByRole('table', { name: '監査ログ一覧' });

  await page.getByLabel('ログイン名').fill(newLogin);
  await page.getByRole('button', { name: '検索' }).click();
  await expect(table.getByRole('row').filter({ hasText: 'auth.sign_in' }).first()).toBeVisible();

  await page.getByLabel('ログイン名').fill('admin');
  await page.getByRole('button', { name: '検索' }).click();
  await expect(table.getByRole('row').filter({ hasText: 'user.create' }).first()).toBeVisible();

  await page.getByRole('button', { name: '改ざん検査' }).click();
  await expect(page.getByText('問題は見つかりませんでした')).toBeVisible();
});
