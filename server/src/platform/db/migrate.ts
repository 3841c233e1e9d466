import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { OpenDatabase } from './database.js';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Forward-only SQL migrations, applied in file-name order, each in its own transaction. */
export async function migrate(database: OpenDatabase): Promise<string[]> {
  await database.execScript(
    'CREATE TABLE IF NOT EXISTS schema_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const applied: string[] = [];
  for (const file of files) {
    const done = await database.db
      .selectFrom('schema_migration')
      .select('name')
      .where('name', '=', file)
      .executeTakeFirst();
    if (done) continue;
    const body = readFileSync(path.join(MIGRATIONS_DIR, file), 'utf8');
    const name = file.replaceAll("'", "''");
    // One transaction per file; the advisory lock keeps two servers from migrating at once,
    // and the NOT EXISTS guard makes the loser's attempt fail instead of applying twice.
    await database.execScript(
      `BEGIN;
       SELECT pg_advisory_xact_lock(7301001);
       DO $guard$ BEGIN
         IF EXISTS (SELECT 1 FROM schema_migration WHERE name = '${name}') THEN
           RAISE EXCEPTION 'migration % already applied by another process', '${name}';
         END IF;
       END $guard$;
       ${body}
       ;
       INSERT INTO schema_migration (name) VALUES ('${name}');
       COMMIT;`,
    );
    applied.push(file);
  }
  return applied;
}

export async function appliedMigrations(database: OpenDatabase): Promise<string[]> {
  const rows = await sql<{ name: string }>`SELECT name FROM schema_migration ORDER BY name`.execute(database.db);
  return rows.rows.map((r) => r.name);
}
