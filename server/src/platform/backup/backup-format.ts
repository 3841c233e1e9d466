import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip, type Gzip } from 'node:zlib';
import type { TableSummary } from './snapshot.js';

/**
 * A backup is one gzip'd JSON-lines file:
 *   {"format":"kasane-backup","version":1,…,"migrations":[…]}         header
 *   {"table":"agency","columns":[{"name":…,"type":…},…]}              start of a table
 *   ["<uuid>","<text>",null,…]                                       one line per row (text forms)
 *   {"end":"agency","rows":12,"sha256":"…"}                           end of the table
 *   {"manifest":{"tables":{"agency":{"rows":12,"sha256":"…"},…}}}      trailer
 * The checksum of a table is SHA-256 over every row line plus "\n", in primary-key order.
 */
export const FORMAT = 'kasane-backup';
export const FORMAT_VERSION = 1;

export interface BackupHeader {
  format: typeof FORMAT;
  version: number;
  createdAt: string;
  databaseKind: 'pglite' | 'postgres';
  migrations: string[];
}

export interface BackupManifest {
  migrations: string[];
  tables: Record<string, TableSummary>;
  totalRows: number;
}

export type ControlLine =
  | { kind: 'header'; header: BackupHeader }
  | { kind: 'table'; table: string; columns: Array<{ name: string; type: string }> }
  | { kind: 'end'; table: string; rows: number; sha256: string }
  | { kind: 'manifest'; manifest: BackupManifest };

export class BackupWriter {
  private readonly gzip: Gzip;
  private readonly file: WriteStream;
  private readonly done: Promise<unknown>;
  private error: Error | null = null;

  constructor(path: string) {
    this.gzip = createGzip({ level: 6 });
    this.file = createWriteStream(path, { flags: 'wx' });
    this.gzip.pipe(this.file);
    this.done = once(this.file, 'close');
    // Remembered and thrown from line()/close(): a full disk must fail the backup, not hang it.
    this.file.on('error', (err) => {
      this.error = err;
      this.gzip.destroy(err);
    });
  }

  async line(text: string): Promise<void> {
    if (this.error) throw this.error;
    if (!this.gzip.write(`${text}\n`)) await once(this.gzip, 'drain');
  }

  control(obj: Record<string, unknown>): Promise<void> {
    return this.line(JSON.stringify(obj));
  }

  async close(): Promise<void> {
    this.gzip.end();
    await this.done;
    if (this.error) throw this.error;
  }
}

/** Reads a backup line by line; row lines come back as the raw text (so checksums see the bytes as written). */
export async function* readBackup(path: string): AsyncGenerator<{ row: string } | { control: ControlLine }> {
  const input = createReadStream(path).pipe(createGunzip());
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let first = true;
  try {
    for await (const line of lines) {
      if (line === '') continue;
      if (line.startsWith('[')) {
        yield { row: line };
        continue;
      }
      yield { control: parseControl(line, first) };
      first = false;
    }
  } finally {
    lines.close();
    input.destroy();
  }
}

function parseControl(line: string, first: boolean): ControlLine {
  let obj: Record<string, unknown>;
  try {
    obj = JSON.parse(line) as Record<string, unknown>;
  } catch {
    throw new Error('バックアップファイルが壊れています（読めない行があります）。');
  }
  if (first) {
    if (obj.format !== FORMAT) throw new Error('Kasane のバックアップファイルではありません。');
    if (obj.version !== FORMAT_VERSION) throw new Error(`対応していないバックアップ形式のバージョンです: ${String(obj.version)}`);
    return { kind: 'header', header: obj as unknown as BackupHeader };
  }
  if (typeof obj.table === 'string') return { kind: 'table', table: obj.table, columns: obj.columns as Array<{ name: string; type: string }> };
  if (typeof obj.end === 'string') return { kind: 'end', table: obj.end, rows: Number(obj.rows), sha256: String(obj.sha256) };
  if (obj.manifest) return { kind: 'manifest', manifest: obj.manifest as BackupManifest };
  throw new Error('バックアップファイルが壊れています（不明な行があります）。');
}
