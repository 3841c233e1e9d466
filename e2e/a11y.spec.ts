/**
 * Issue 7, must 8: axe-core on every main page (no serious or critical violations), the sign-in page's
 * initial JavaScript within 250 KB gzipped (the largest page chunk reported), and Japanese text drawn
 * with the Debian Noto CJK font. Run after `npm run build:web`; the server serves that build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { auditPage } from './a11y-support.js';
import { signIn, signInOnPhone } from './support.js';

// axe is injected as a script tag; the app's CSP (script-src 'self') would refuse it.
test.use({ bypassCSP: true });

/** Visits the pages one after the other and fails once, listing every serious/critical finding of all of them. */
function expectAccessible(findings: string[][]) {
  const all = findings.flat();
  expect(all, `axe found serious or critical violations:\n${all.join('\n')}`).toEqual([]);
}

test('sign-in page and the public online consultation form', async ({ page }) => {
  const found = [await auditPage(page, '/login'), await auditPage(page, '/soudan')];
  expectAccessible(found);
});

test('ホーム and the 事業 pages of a municipal administrator', async ({ page }) => {
  await signIn(page, 'admin');
  const found: string[][] = [];
  for (const p of ['/', '/consultation', '/referral', '/collaboration', '/collaboration/meetings', '/outreach', '/participation', '/community', '/resources', '/settings']) {
    found.push(await auditPage(page, p));
  }
  expectAccessible(found);
});

test('管理 pages', async ({ page }) => {
  await signIn(page, 'admin');
  const found: string[][] = [];
  for (const p of ['/admin/users', '/admin/agencies', '/admin/access', '/admin/roles', '/admin/referral-settings', '/admin/assessment', '/admin/meeting-types', '/admin/online-consultation', '/admin/trust-stages', '/admin/areas']) {
    found.push(await auditPage(page, p));
  }
  expectAccessible(found);
});

test('包括的相談支援: a case, its household, a person and a new intake, as a caseworker', async ({ page }) => {
  await signIn(page, 'houkatsu1');
  const cases = (await (await page.request.get('/api/v1/cases?status=open')).json()) as { items: Array<{ id: string; householdId: string }> };
  const first = cases.items[0];
  expect(first, 'the demo caseworker has an open case').toBeTruthy();
  const household = (await (await page.request.get(`/api/v1/households/${first!.householdId}`)).json()) as { members: Array<{ personId: string }> };
  const found: string[][] = [];
  for (const p of [`/consultation/cases/${first!.id}`, `/consultation/households/${first!.householdId}`, `/consultation/persons/${household.members[0]!.personId}`, '/consultation/intake/new']) {
    found.push(await auditPage(page, p));
  }
  expectAccessible(found);
});

test('監査 for the auditor', async ({ page }) => {
  await signIn(page, 'auditor');
  expectAccessible([await auditPage(page, '/audit')]);
});

test('民生委員 on a phone-width screen', async ({ browser }) => {
  const page = await signInOnPhone(browser, 'minsei1');
  expectAccessible([await auditPage(page, '/volunteer')]);
  await page.context().close();
});

const distDir = process.env.KASANE_WEB_DIST ?? path.resolve('web/dist');
const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

test('the sign-in page loads at most 250 KB of JavaScript (gzipped); the largest page chunk is reported', async ({ page }) => {
  const scripts = new Map<string, number>();
  page.on('response', async (res) => {
    if (res.request().resourceType() === 'script') scripts.set(new URL(res.url()).pathname, gzipSync(await res.body()).length);
  });
  await page.goto('/login');
  await page.waitForLoadState('networkidle');
  await expect(page.getByLabel('ログイン名')).toBeVisible();
  const total = [...scripts.values()].reduce((a, b) => a + b, 0);
  const assets = readdirSync(path.join(distDir, 'assets')).filter((f) => f.endsWith('.js'));
  const later = assets
    .filter((f) => !scripts.has(`/assets/${f}`))
    .map((f) => ({ file: f, gz: gzipSync(readFileSync(path.join(distDir, 'assets', f))).length }))
    .sort((a, b) => b.gz - a.gz);
  const pages = later.filter((c) => /Page-/.test(c.file));
  console.log(
    `front-end budget: sign-in page loads ${scripts.size} scripts, ${kb(total)} KB gzipped; ` +
      `largest page chunk ${pages[0]?.file} ${kb(pages[0]?.gz ?? 0)} KB gz; largest lazy chunk ${later[0]?.file} ${kb(later[0]?.gz ?? 0)} KB gz`,
  );
  expect(scripts.size).toBeGreaterThan(0);
  expect(total).toBeLessThanOrEqual(250 * 1024);
});

test('Japanese text is drawn with the Noto CJK font', async ({ page }, testInfo) => {
  await page.goto('/login');
  const heading = page.getByRole('heading', { name: 'ログイン' });
  await expect(heading).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: testInfo.outputPath('sign-in.png') });
  // Ask Chromium which platform font it actually used for the heading's glyphs.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const headings = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: 'h1, h2' });
  const families = new Set<string>();
  for (const nodeId of headings.nodeIds) {
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    for (const f of fonts) families.add(f.familyName);
  }
  expect([...families].some((f) => /Noto (Sans|Serif) CJK/.test(f)), `fonts used: ${[...families].join(', ')}`).toBe(true);
});
