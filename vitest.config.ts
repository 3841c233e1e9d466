import { defineConfig } from 'vitest/config';

const intInclude = ['server/**/*.int.test.ts'];
const postgres = Boolean(process.env.KASANE_TEST_PG_URL);

/**
 * Test tiers: `unit` (pure rules, beside the code), `int-pglite` and `int-postgres` (the same
 * *.int.test.ts files through the real HTTP app, once per database). int-postgres runs when
 * KASANE_TEST_PG_URL points at a PostgreSQL server (scripts/test.ts starts a throwaway one).
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['server/**/*.test.ts'], exclude: [...intInclude, '**/node_modules/**'], environment: 'node', setupFiles: ['server/test/fast-check-setup.ts'] } },
      { test: { name: 'int-pglite', include: intInclude, env: { KASANE_TEST_DB: 'pglite' }, testTimeout: 60_000, hookTimeout: 120_000 } },
      ...(postgres
        ? [{ test: { name: 'int-postgres', include: intInclude, env: { KASANE_TEST_DB: 'postgres' }, testTimeout: 60_000, hookTimeout: 120_000 } }]
        : []),
    ],
  },
});
