import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, json, startTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
const c: Record<string, Client> = {};

beforeAll(async () => {
  t = await startTestApp();
  for (const login of ['admin', 'coordinator', 'houkatsu1', 'pref', 'minsei1', 'auditor']) c[login] = await t.signIn(login);
});
afterAll(async () => {
  await t?.close();
});

const table = {
  fileName: '指標一覧',
  header: ['指標', '目標', '実績', '備考'],
  rows: [
    ['相談受付件数', 120, 98, null],
    ['𠮷野さんの〜会', 3, 1, '=HYPERLINK("x")'],
  ],
};

const raw = (res: { rawPayload: Buffer }) => res.rawPayload;

describe('POST /api/v1/exports/table', () => {
  it('returns a UTF-8 CSV with BOM that reads back as the table', async () => {
    const res = await c.admin!.post('/api/v1/exports/table', { ...table, format: 'csv-utf8' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('指標一覧')}.csv`);
    expect(res.headers['x-kasane-unencodable-count']).toBe('0');
    const bytes = raw(res);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe('指標,目標,実績,備考\r\n相談受付件数,120,98,\r\n𠮷野さんの〜会,3,1,"\'=HYPERLINK(""x"")"\r\n');
  });

  it('returns Shift_JIS with 〓 and reports what became 〓 with row and column', async () => {
    const res = await c.coordinator!.post('/api/v1/exports/table', { ...table, format: 'csv-sjis' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=Shift_JIS');
    expect(iconv.decode(raw(res), 'cp932')).toContain('〓野さんの～会,3,1');
    expect(res.headers['x-kasane-unencodable-count']).toBe('1');
    const report = JSON.parse(decodeURIComponent(String(res.headers['x-kasane-unencodable'])));
    expect(report).toEqual([{ char: '𠮷', codePoint: 'U+20BB7', row: 2, column: '指標' }]);
  });

  it('returns an XLSX file that exceljs reads back', async () => {
    const res = await c.houkatsu1!.post('/api/v1/exports/table', { ...table, format: 'xlsx' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain('.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(raw(res) as unknown as ArrayBuffer);
    const ws = workbook.getWorksheet('指標一覧')!;
    expect(ws.getRow(1).values).toEqual([undefined, '指標', '目標', '実績', '備考']);
    expect(ws.getRow(2).values).toEqual([undefined, '相談受付件数', 120, 98]);
    expect(ws.getCell('A3').value).toBe('𠮷野さんの〜会');
    expect(ws.getCell('D3').value).toBe('=HYPERLINK("x")');
  });

  it('audits the export with the file name and size, never the content', async () => {
    await c.admin!.post('/api/v1/exports/table', { ...table, fileName: '監査確認用', format: 'csv-utf8' });
    const events = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'details', 'actor_login'])
      .where('action', '=', 'table.export')
      .where('actor_login', '=', 'admin')
      .execute();
    const mine = events.map((e) => (typeof e.details === 'string' ? JSON.parse(e.details) : e.details) as Record<string, unknown>).find((d) => d.fileName === '監査確認用');
    expect(mine).toEqual({ fileName: '監査確認用', format: 'csv-utf8', rows: 2, columns: 4, unencodable: 0 });
    expect(JSON.stringify(events)).not.toContain('相談受付件数');
  });

  it('validates with Japanese messages: row width, formats, sizes', async () => {
    const uneven = await c.admin!.post('/api/v1/exports/table', { ...table, rows: [['a', 1]], format: 'csv-utf8' });
    expect(uneven.statusCode).toBe(400);
    expect(uneven.body).toContain('1行目のセルの数が列の数（4）と合いません。');
    const format = await c.admin!.post('/api/v1/exports/table', { ...table, format: 'pdf' });
    expect(format.statusCode).toBe(400);
    expect(format.body).toContain('形式は csv-utf8、csv-sjis、xlsx のいずれかです。');
    const wide = await c.admin!.post('/api/v1/exports/table', { fileName: 'x', header: Array.from({ length: 101 }, (_, i) => `c${i}`), rows: [], format: 'xlsx' });
    expect(wide.body).toContain('列は100列までです。');
    const long = await c.admin!.post('/api/v1/exports/table', { fileName: 'x', header: ['n'], rows: Array.from({ length: 50_001 }, (_, i) => [i]), format: 'xlsx' });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('行は50,000行までです。');
  });

  it('keeps file names safe', async () => {
    const res = await c.admin!.post('/api/v1/exports/table', { ...table, fileName: '../etc/passwd.csv', format: 'csv-utf8' });
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''.._etc_passwd.csv`);
  });

  it('lets the prefecture analyst download; refuses 民生委員 and the auditor, and anyone signed out', async () => {
    expect((await c.pref!.post('/api/v1/exports/table', { ...table, format: 'xlsx' })).statusCode).toBe(200);
    for (const login of ['minsei1', 'auditor']) {
      const res = await c[login]!.post('/api/v1/exports/table', { ...table, format: 'csv-utf8' });
      expect(res.statusCode, login).toBe(403);
      expect(json<{ error: { code: string } }>(res).error.code).toBe('forbidden');
    }
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/v1/exports/table', payload: { ...table, format: 'csv-utf8' } });
    expect(anonymous.statusCode).toBe(401);
  });
});
