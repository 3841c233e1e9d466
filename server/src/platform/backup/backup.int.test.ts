import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, freshDatabase, testDbKind } from '../../../test/test-app.js';
import { seedDemo } from '../../seed/seed-demo.js';
import { seedSecondMunicipality } from '../../seed/seed-second-municipality.js';
import { sealAll } from '../audit/seal-audit.js';
import { verifyAudit } from '../audit/verify-audit.js';
import { type OpenDatabase, openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { createBackup } from './create-backup.js';
import { BackupError, restoreBackup } from './restore-backup.js';
import { tableSummaries } from './snapshot.js';

const run = promisify(execFile);
type Fresh = Awaited<ReturnType<typeof freshDatabase>>;

async function municipalities(database: OpenDatabase): Promise<string[]> {
  return (await database.db.selectFrom('municipality').select('municipality_id').orderBy('municipality_id').execute()).map((m) => m.municipality_id);
}

describe(`backup and restore (${testDbKind()})`, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kasane-backup-'));
  const file = path.join(dir, 'demo.jsonl.gz');
  let source: Fresh;
  const targets: Fresh[] = [];
  let expected: Awaited<ReturnType<typeof tableSummaries>>;

  async function target(): Promise<Fresh> {
    const t = await freshDatabase();
    targets.push(t);
    return t;
  }

  beforeAll(async () => {
    source = await freshDatabase();
    await migrate(source.database);
    await seedDemo(source.database.db, { seed: 7, password: DEMO_PASSWORD, production: false });
    await seedSecondMunicipality(source.database.db, { seed: 7, now: new Date() });
    // A child area whose key sorts before its parent's: the restore must load the parent first.
    await sql`update municipal_area c set parent_area_id = p.area_id
      from municipal_area p
      where c.municipality_id = p.municipality_id
        and c.area_id = (select area_id from municipal_area where municipality_id = c.municipality_id order by area_id limit 1)
        and p.area_id = (select area_id from municipal_area where municipality_id = c.municipality_id order by area_id desc limit 1)`.execute(source.database.db);
    await sealAll(source.database.db);
    const result = await createBackup(source.database, file);
    expected = await tableSummaries(source.database.db);
    console.log(`backup (${testDbKind()}): ${result.manifest.totalRows} rows in ${Object.keys(result.manifest.tables).length} tables, ${result.bytes} bytes, ${result.ms} ms`);
    expect(result.manifest.tables).toEqual(expected);
  }, 240_000);

  afterAll(async () => {
    for (const t of targets) {
      await t.database.close();
      await t.drop();
    }
    await source.database.close();
    await source.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  let t1: Fresh;

  it('round-trips the demo database: same row count and checksum in every table, audit chain intact', { timeout: 180_000 }, async () => {
    expect(expected.person!.rows).toBeGreaterThan(1000);
    expect(expected.audit_seal!.rows).toBeGreaterThan(0);
    const nested = await sql<{ n: number }>`select count(*)::int as n from municipal_area where parent_area_id is not null`.execute(source.database.db);
    expect(nested.rows[0]!.n).toBeGreaterThan(0);
    t1 = await target();
    const result = await restoreBackup(t1.database, file);
    expect(result.replacedExisting).toBe(false);
    expect(await tableSummaries(t1.database.db)).toEqual(expected);
    const ids = await municipalities(t1.database);
    expect(ids).toHaveLength(2);
    for (const id of ids) {
      const before = await verifyAudit(source.database.db, id);
      const after = await verifyAudit(t1.database.db, id);
      expect(after.ok, JSON.stringify(after.problems)).toBe(true);
      expect(after.sealed).toBe(before.sealed);
      expect(after.sealed).toBeGreaterThan(0);
    }
  });

  it('refuses a database that holds data unless --force, then replaces all of it in one transaction', { timeout: 180_000 }, async () => {
    await t1.database.db.updateTable('municipality').set({ population: 1 }).execute();
    const changed = await tableSummaries(t1.database.db);
    expect(changed.municipality).not.toEqual(expected.municipality);
    await expect(restoreBackup(t1.database, file)).rejects.toMatchObject({ code: 'not_empty' });
    expect(await tableSummaries(t1.database.db)).toEqual(changed);
    const result = await restoreBackup(t1.database, file, { force: true });
    expect(result.replacedExisting).toBe(true);
    expect(await tableSummaries(t1.database.db)).toEqual(expected);
    for (const id of await municipalities(t1.database)) expect((await verifyAudit(t1.database.db, id)).ok).toBe(true);
  });

  it('refuses a damaged file (even with --force) and a file from another set of migrations, changing nothing', { timeout: 180_000 }, async () => {
    const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
    const i = lines.findIndex((l) => l.startsWith('[') && l.includes('デモ市'));
    expect(i).toBeGreaterThan(0);
    const damaged = path.join(dir, 'damaged.jsonl.gz');
    writeFileSync(damaged, gzipSync(lines.map((l, j) => (j === i ? l.replace('デモ市', 'デモ村') : l)).join('\n')));
    const err = await restoreBackup(t1.database, damaged, { force: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackupError);
    expect((err as BackupError).code).toBe('checksum');
    expect(await tableSummaries(t1.database.db)).toEqual(expected);

    const header = JSON.parse(lines[0]!) as { migrations: string[] };
    const older = path.join(dir, 'older.jsonl.gz');
    writeFileSync(older, gzipSync([JSON.stringify({ ...header, migrations: header.migrations.slice(0, -1) }), ...lines.slice(1)].join('\n')));
    await expect(restoreBackup(t1.database, older, { force: true })).rejects.toMatchObject({ code: 'migrations' });
    await expect(restoreBackup(t1.database, path.join(dir, 'missing.gz'))).rejects.toMatchObject({ code: 'not_found' });
    expect(await tableSummaries(t1.database.db)).toEqual(expected);
  });

  it(`npm run backup / restore work from the command line${testDbKind() === 'pglite' ? ', and refuse a PGlite folder another process holds' : ''}`, { timeout: 480_000 }, async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', KASANE_LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;
    const cli = (script: string, args: string[], extra: Record<string, string>) =>
      run(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], { env: { ...env, ...extra }, timeout: 200_000 }).then(
        (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
      );
    const out = path.join(dir, 'cli.jsonl.gz');
    let from: Record<string, string>;
    let to: Record<string, string>;
    let check: OpenDatabase;
    if (testDbKind() === 'pglite') {
      const folder = path.join(dir, 'pgdata');
      const held = await openDatabase({ dataDir: folder });
      await restoreBackup(held, file);
      const refused = await cli('backup', ['--out', out], { KASANE_DATA_DIR: folder });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('別のプロセスが使用中です');
      await held.close();
      from = { KASANE_DATA_DIR: folder };
      to = { KASANE_DATA_DIR: path.join(dir, 'pgdata-restored') };
      check = held;
    } else {
      const u = await target();
      from = { DATABASE_URL: source.url! };
      to = { DATABASE_URL: u.url! };
      check = source.database;
    }
    const backedUp = await cli('backup', ['--out', out], from);
    expect(backedUp.stderr).toBe('');
    expect(backedUp.code).toBe(0);
    expect(JSON.parse(backedUp.stdout).rows).toBe(Object.values(expected).reduce((n, t) => n + t.rows, 0));
    const restored = await cli('restore', ['--in', out], to);
    expect(restored.code, restored.stderr).toBe(0);
    const again = await cli('restore', ['--in', out], to);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('--force');

    const open = async (e: Record<string, string>) => openDatabase({ databaseUrl: e.DATABASE_URL, dataDir: e.KASANE_DATA_DIR ?? '' });
    const a = testDbKind() === 'pglite' ? await open(from) : check;
    const b = await open(to);
    try {
      expect(await tableSummaries(a.db)).toEqual(expected);
      expect(await tableSummaries(b.db)).toEqual(expected);
    } finally {
      await b.close();
      if (a !== check) await a.close();
    }
  });
});
