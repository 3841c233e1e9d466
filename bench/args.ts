/** The command line of `npm run bench`. */
import { parseArgs } from 'node:util';

export type DbKind = 'pglite' | 'postgres';

export interface BenchOptions {
  dbs: DbKind[];
  /** Persons the generator creates; undefined = the default demo (3,000). */
  persons: number | undefined;
  seed: number | undefined;
  /** Concurrent connections of each mixed-load run. */
  connections: number[];
  /** Duration of each mixed-load run. */
  seconds: number;
  /** Requests per operation when measured one at a time (API and SQL floor alike). */
  samples: number;
  /** Folder for a V8 CPU profile of the server (node --cpu-prof), written when it stops. */
  cpuProfileDir: string | undefined;
  /** An already seeded database to measure instead of a fresh one (kept afterwards; its seed time is not measured). */
  existing: { databaseUrl: string } | { dataDir: string } | undefined;
}

export const USAGE = 'npm run bench -- [--db pglite|postgres|both] [--persons N] [--seed S] [--connections 50,200] [--seconds 10] [--samples 200] [--cpu-prof DIR] [--database-url URL | --data-dir DIR]';

function positive(name: string, raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} には正の整数を指定してください（${raw}）。\n${USAGE}`);
  return n;
}

export function parseBenchArgs(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      db: { type: 'string', default: 'both' },
      persons: { type: 'string' },
      seed: { type: 'string' },
      connections: { type: 'string', default: '50,200' },
      seconds: { type: 'string', default: '10' },
      samples: { type: 'string', default: '200' },
      'cpu-prof': { type: 'string' },
      'database-url': { type: 'string' },
      'data-dir': { type: 'string' },
    },
  });
  const db = values.db;
  if (db !== 'both' && db !== 'pglite' && db !== 'postgres') throw new Error(`--db は pglite、postgres、both のいずれかです（${db}）。\n${USAGE}`);
  if (values['database-url'] !== undefined && values['data-dir'] !== undefined) throw new Error(`--database-url と --data-dir は同時に指定できません。\n${USAGE}`);
  const existing = values['database-url'] !== undefined ? { databaseUrl: values['database-url'] } : values['data-dir'] !== undefined ? { dataDir: values['data-dir'] } : undefined;
  const dbs: DbKind[] = existing ? ['databaseUrl' in existing ? 'postgres' : 'pglite'] : db === 'both' ? ['pglite', 'postgres'] : [db];
  return {
    dbs,
    persons: values.persons === undefined ? undefined : positive('persons', values.persons),
    seed: values.seed === undefined ? undefined : positive('seed', values.seed),
    connections: values.connections.split(',').map((c) => positive('connections', c.trim())),
    seconds: positive('seconds', values.seconds),
    samples: positive('samples', values.samples),
    cpuProfileDir: values['cpu-prof'],
    existing,
  };
}
