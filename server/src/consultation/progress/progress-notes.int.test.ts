import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, json, startTestApp, type TestApp } from '../../../test/test-app.js';
import { isoDayInJapan } from '../japanese/japanese-date.js';

let t: TestApp;
let houkatsu: Client;
let jiritsu: Client;
let kodomo: Client;
let agencyOf: Record<string, string>;
type Note = { id: string; version: number; occurredOn: string; occurredTime: string | null; kind: string; kindLabel: string; subject: string; body: string; personId: string | null; personName: string | null; authorAgencyId: string; authorAgencyName: string; authorName: string; editable: boolean };
type Timeline = { caseId: string; householdId: string; householdLabel: string; leadAgencyName: string; items: Note[] };
type CaseView = { id: string; version: number };

const today = isoDayInJapan(new Date());
const dayOffset = (days: number) => isoDayInJapan(new Date(Date.now() + days * 86_400_000));
const noteCount = async () => Number((await t.database.db.selectFrom('progress_note').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

let caseId: string;
let householdId: string;
let sonId: string;
let outsiderId: string;
let visit: Note;

beforeAll(async () => {
  t = await startTestApp();
  houkatsu = await t.signIn('houkatsu1');
  jiritsu = await t.signIn('jiritsu');
  kodomo = await t.signIn('kodomo');
  agencyOf = {};
  for (const [login, c] of [['houkatsu1', houkatsu], ['jiritsu', jiritsu], ['kodomo', kodomo]] as const) {
    agencyOf[login] = json<{ agencies: Array<{ id: string }> }>(await c.get('/api/v1/me')).agencies[0]!.id;
  }
  sonId = json<{ id: string }>(await houkatsu.post('/api/v1/persons', { familyName: '経過', givenName: '太郎', familyKana: 'けいか' })).id;
  outsiderId = json<{ id: string }>(await houkatsu.post('/api/v1/persons', { familyName: '別世帯', givenName: '花子' })).id;
  householdId = json<{ id: string }>(await houkatsu.post('/api/v1/households', { label: '経過さん世帯', members: [{ personId: sonId }] })).id;
  caseId = json<CaseView>(await houkatsu.post('/api/v1/cases', { householdId })).id;
});
afterAll(async () => {
  await t?.close();
});

const url = () => `/api/v1/cases/${caseId}/progress-notes`;

describe('支援経過記録 on a case', () => {
  it('records a visit about a household member, written for the worker’s agency', async () => {
    const res = await houkatsu.post(url(), { occurredOn: dayOffset(-2), occurredTime: '10:30', kind: 'visit', subject: '自宅訪問', body: '本人と面会。\n食事は取れている。', personId: sonId, nextAction: '来週電話', nextActionDue: dayOffset(5) });
    expect(res.statusCode, res.body).toBe(201);
    visit = json<Note>(res);
    expect(visit).toMatchObject({ kind: 'visit', kindLabel: '訪問', personName: '経過 太郎', authorAgencyId: agencyOf.houkatsu1, authorName: '東 包括', editable: true, version: 1 });
  });

  it('lists the 経過一覧 oldest first, untimed entries after timed ones of the same day', async () => {
    for (const body of [
      { occurredOn: today, kind: 'phone', subject: '電話連絡', body: '体調確認' },
      { occurredOn: dayOffset(-2), kind: 'coordination', subject: '関係機関と調整', body: '地域包括と共有' },
      { occurredOn: dayOffset(-10), occurredTime: '09:00', kind: 'interview', subject: '初回面談', body: '来所相談' },
    ]) {
      expect((await houkatsu.post(url(), body)).statusCode).toBe(201);
    }
    const list = json<Timeline>(await houkatsu.get(url()));
    expect(list).toMatchObject({ caseId, householdId, householdLabel: '経過さん世帯' });
    expect(list.items.map((n) => n.subject)).toEqual(['初回面談', '自宅訪問', '関係機関と調整', '電話連絡']);
  });

  it('refuses invalid input and writes nothing', async () => {
    const before = await noteCount();
    const base = { occurredOn: today, kind: 'phone', subject: '件名', body: '内容' };
    for (const bad of [
      { ...base, occurredOn: dayOffset(1) },
      { ...base, occurredOn: '2026-02-30' },
      { ...base, occurredOn: '2026/11/01' },
      { ...base, occurredTime: '24:00' },
      { ...base, kind: 'letter' },
      { ...base, subject: ' ' },
      { ...base, subject: 'あ'.repeat(201) },
      { ...base, body: '' },
      { ...base, personId: outsiderId },
      { ...base, nextActionDue: '2026-13-01' },
    ]) {
      const res = await houkatsu.post(url(), bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(json<{ error: { code: string; message: string } }>(res).error.code).toBe('invalid');
    }
    const future = json<{ error: { details: { fields: Array<{ path: string; message: string }> } } }>(await houkatsu.post(url(), { ...base, occurredOn: dayOffset(1) }));
    expect(future.error.details.fields).toEqual([{ path: 'occurredOn', message: expect.stringContaining('未来の日付') }]);
    expect(await noteCount()).toBe(before);
  });

  it('updates from the version read, and a stale version is a conflict that changes nothing', async () => {
    const edit = { occurredOn: visit.occurredOn, occurredTime: '11:00', kind: 'visit', subject: '自宅訪問（修正）', body: '本人と面会。母も同席。', personId: sonId, version: visit.version };
    const res = await houkatsu.put(`/api/v1/progress-notes/${visit.id}`, edit);
    expect(res.statusCode, res.body).toBe(200);
    const updated = json<Note>(res);
    expect(updated).toMatchObject({ subject: '自宅訪問（修正）', occurredTime: '11:00', version: 2 });
    const stale = await houkatsu.put(`/api/v1/progress-notes/${visit.id}`, { ...edit, subject: '古い画面から', version: 1 });
    expect(stale.statusCode).toBe(409);
    const invalid = await houkatsu.put(`/api/v1/progress-notes/${visit.id}`, { ...edit, body: '', version: 2 });
    expect(invalid.statusCode).toBe(400);
    const list = json<Timeline>(await houkatsu.get(url()));
    expect(list.items.find((n) => n.id === visit.id)).toMatchObject({ subject: '自宅訪問（修正）', body: '本人と面会。母も同席。', version: 2 });
    visit = updated;
  });
});

describe('who must not see 支援経過記録', () => {
  it('an unrelated agency gets 404 on list, create, one note, export and its preflight', async () => {
    expect((await jiritsu.get(url())).statusCode).toBe(404);
    expect((await jiritsu.post(url(), { occurredOn: today, kind: 'phone', subject: '件名', body: '内容' })).statusCode).toBe(404);
    expect((await jiritsu.put(`/api/v1/progress-notes/${visit.id}`, { occurredOn: today, kind: 'phone', subject: '横取り', body: '内容', version: visit.version })).statusCode).toBe(404);
    expect((await jiritsu.get(`${url()}.csv?encoding=utf8`)).statusCode).toBe(404);
    expect((await jiritsu.get(`${url()}/export-check?encoding=sjis`)).statusCode).toBe(404);
    // A case that does not exist answers the same.
    expect((await jiritsu.get('/api/v1/cases/01900000-0000-7000-8000-000000000000/progress-notes')).statusCode).toBe(404);
    const denied = await t.database.db.selectFrom('audit_event').select('action').where('actor_login', '=', 'jiritsu').where('outcome', '=', 'denied').execute();
    expect(denied.map((d) => d.action)).toEqual(expect.arrayContaining(['progress_note.list', 'progress_note.create', 'progress_note.update', 'progress_note.export', 'progress_note.export_check']));
  });

  it.each(['auditor', 'sysadmin', 'pref', 'minsei1'])('%s is refused (no personal records for this role)', async (login) => {
    const c = await t.signIn(login);
    expect((await c.get(url())).statusCode).toBe(404);
    expect((await c.get(`${url()}.csv`)).statusCode).toBe(404);
    expect((await c.put(`/api/v1/progress-notes/${visit.id}`, { occurredOn: today, kind: 'phone', subject: '件名', body: '内容', version: visit.version })).statusCode).toBe(404);
  });

  it('after a lead transfer the new lead sees every note but edits only its own; the old lead keeps its own notes', async () => {
    const kase = json<CaseView>(await houkatsu.get(`/api/v1/cases/${caseId}`));
    await houkatsu.post(`/api/v1/cases/${caseId}/transfer`, { toAgencyId: agencyOf.jiritsu, reason: '就労支援が中心になるため', version: kase.version });
    const inbox = json<{ items: Array<{ transferId: string }> }>(await jiritsu.get('/api/v1/case-transfers/inbox'));
    expect((await jiritsu.post(`/api/v1/case-transfers/${inbox.items[0]!.transferId}/accept`)).statusCode).toBe(200);

    const own = json<Note>(await jiritsu.post(url(), { occurredOn: today, kind: 'accompany', subject: 'ハローワーク同行', body: '求職登録' }));
    expect(own.authorAgencyId).toBe(agencyOf.jiritsu);
    const list = json<Timeline>(await jiritsu.get(url()));
    expect(list.items).toHaveLength(5);
    expect(list.items.filter((n) => n.editable).map((n) => n.id)).toEqual([own.id]);
    expect(list.leadAgencyName).toBe(own.authorAgencyName);

    const notAuthor = await jiritsu.put(`/api/v1/progress-notes/${visit.id}`, { occurredOn: visit.occurredOn, kind: 'visit', subject: '書き換え', body: '内容', version: visit.version });
    expect(notAuthor.statusCode).toBe(403);
    expect(json<{ error: { message: string } }>(notAuthor).error.message).toContain('記録した機関');
    // The former lead no longer lists the case, but may still correct what it wrote.
    expect((await houkatsu.get(url())).statusCode).toBe(404);
    const fix = await houkatsu.put(`/api/v1/progress-notes/${visit.id}`, { occurredOn: visit.occurredOn, kind: 'visit', subject: '自宅訪問', body: visit.body, personId: sonId, version: visit.version });
    expect(fix.statusCode, fix.body).toBe(200);
    visit = json<Note>(fix);
  });

  it('writes an audit event for each create, update, list and export, without personal text', async () => {
    const events = await t.database.db.selectFrom('audit_event').select(['action', 'outcome', 'details', 'basis']).where('action', 'like', 'progress_note.%').where('outcome', '=', 'success').execute();
    const actions = new Set(events.map((e) => e.action));
    for (const a of ['progress_note.create', 'progress_note.update', 'progress_note.list']) expect(actions).toContain(a);
    const text = JSON.stringify(events.map((e) => e.details));
    expect(text).not.toContain('自宅訪問');
    expect(text).not.toContain('本人と面会');
  });
});

describe('経過一覧 CSV', () => {
  it('UTF-8: a BOM, CRLF lines, the Japanese header and a Japanese file name', async () => {
    const res = await jiritsu.get(`${url()}.csv?encoding=utf8`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('経過一覧_')}`);
    expect(res.headers['x-kasane-unencodable-count']).toBe('0');
    const bytes = res.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe('日付,時刻,種別,対象者,件名,内容,次の予定,期日,記録機関,記録者');
    expect(text).toContain(',本人と面会。母も同席。,');
    expect(text).toContain(',訪問,経過 太郎,自宅訪問,');
  });

  it('Shift_JIS: 𠮷 is reported by the preflight and written as 〓, never as ?', async () => {
    const res = await jiritsu.post(url(), { occurredOn: today, kind: 'meeting', subject: 'ケース会議', body: '𠮷田さん（民生委員）も参加。髙橋医師の所見を共有。' });
    expect(res.statusCode, res.body).toBe(201);
    const check = json<{ unencodable: Array<{ char: string; codePoint: string; row: number; column: string }> }>(await jiritsu.get(`${url()}/export-check?encoding=sjis`));
    expect(check.unencodable).toEqual([{ char: '𠮷', codePoint: 'U+20BB7', row: 6, column: '内容' }]);
    expect(json<{ unencodable: unknown[] }>(await jiritsu.get(`${url()}/export-check?encoding=utf8`)).unencodable).toEqual([]);

    const file = await jiritsu.get(`${url()}.csv?encoding=sjis`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('text/csv; charset=Shift_JIS');
    expect(file.headers['x-kasane-unencodable-count']).toBe('1');
    const decoded = iconv.decode(file.rawPayload, 'cp932');
    expect(decoded).toContain('〓田さん（民生委員）も参加。髙橋医師の所見を共有。');
    expect(decoded).not.toContain('?');
    expect(decoded.split('\r\n')[0]).toBe('日付,時刻,種別,対象者,件名,内容,次の予定,期日,記録機関,記録者');
    const exported = await t.database.db.selectFrom('audit_event').select('details').where('action', '=', 'progress_note.export').where('actor_login', '=', 'jiritsu').where('outcome', '=', 'success').execute();
    expect(exported.map((e) => e.details)).toEqual(expect.arrayContaining([expect.objectContaining({ encoding: 'sjis', unencodable: 1 })]));
  });
});

describe('a closed case', () => {
  it('refuses new notes with a Japanese message', async () => {
    const kase = json<CaseView>(await jiritsu.get(`/api/v1/cases/${caseId}`));
    expect((await jiritsu.post(`/api/v1/cases/${caseId}/close`, { reason: '就労が安定したため', version: kase.version })).statusCode).toBe(200);
    const before = await noteCount();
    const res = await jiritsu.post(url(), { occurredOn: today, kind: 'phone', subject: '件名', body: '内容' });
    expect(res.statusCode).toBe(400);
    expect(json<{ error: { message: string } }>(res).error.message).toContain('終結したケース');
    expect(await noteCount()).toBe(before);
    expect((await jiritsu.get(url())).statusCode).toBe(200);
  });
});
