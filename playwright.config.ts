import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests in Debian's Chromium against the real server started as `npm start` does.
 * KASANE_E2E_DATABASE_URL switches the server to PostgreSQL; otherwise a fresh PGlite folder is used.
 */
const port = Number(process.env.KASANE_E2E_PORT ?? 3310);
const dataDir = mkdtempSync(path.join(tmpdir(), 'kasane-e2e-'));
export const E2E_PASSWORD = 'e2e-demo-password-2026';

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    viewport: { width: 1280, height: 800 },
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: 'node --import tsx scripts/start.ts',
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      KASANE_DATA_DIR: dataDir,
      KASANE_DEMO_PASSWORD: E2E_PASSWORD,
      KASANE_LOG_LEVEL: 'warn',
      ...(process.env.KASANE_E2E_DATABASE_URL ? { DATABASE_URL: process.env.KASANE_E2E_DATABASE_URL } : {}),
    },
  },
});
