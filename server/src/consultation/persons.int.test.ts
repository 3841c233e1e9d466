import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, json, startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let houkatsu: Client;
let jiritsu: Client;
type Person = { id: string; version: number; birthDate: string | null; households: Array<{ householdId: string; leftOn: string | null }> };
type Hits = { items: Array<{ id: string; familyName: string; rank: number }>; kind: string };

beforeAll(async () => {
  t = await startTestApp();
  houkatsu = await t.signIn('houkatsu1');
  jiritsu = await t.signIn('jiritsu');
});
afterAll(async () => {
  await t?.close();
});

async function register(c: Client, body: Record<string, unknown>) {
  const res = await c.post('/api/v1/persons', body);
  expect(res.statusCode, res.body).toBe(201);
  return json<Person>(res);
}

describe('persons and households', () => {
  let mother: Person;
  let son: Person;

  it('registers a person with a 和暦 birth date and finds them however the name is typed', async () => {
    mother = await register(houkatsu, {
      familyName: '髙橋',
      givenName: '花子',
      familyKana: 'タカハシ',
      givenKana: 'ハナコ',
      sex: 'female',
      birthDate: '昭和21年4月1日',
      address: 'デモ市東町1-2-3',
      phones: ['090-1234-5678'],
      concerns: { categories: ['care', 'health_disability'], tags: ['8050'] },
    });
    expect(mother.birthDate).toBe('1946-04-01');
    for (const q of ['高橋', '髙橋花子', '高橋 花子', 'たかはし', 'ﾀｶﾊｼ ﾊﾅｺ', 'タカハシ', 'S21.4.1', '1946-04-01', '1234-5678', '東町1']) {
      const hits = json<Hits>(await houkatsu.get(`/api/v1/persons?q=${encodeURIComponent(q)}`));
      expect(hits.items.map((h) => h.id), q).toContain(mother.id);
    }
    const exact = json<Hits>(await houkatsu.get(`/api/v1/persons?q=${encodeURIComponent('たかはしはなこ')}`));
    expect(exact.kind).toBe('kana');
    expect(exact.items[0]).toMatchObject({ id: mother.id, rank: 1 });
  });

  it('keeps different names apart', async () => {
    const hits = json<Hits>(await houkatsu.get(`/api/v1/persons?q=${encodeURIComponent('たかなし')}`));
    expect(hits.items.map((h) => h.id)).not.toContain(mother.id);
  });

  it('rejects an impossible birth date in Japanese and saves nothing', async () => {
    const res = await houkatsu.post('/api/v1/persons', { familyName: '誤日', birthDate: '昭和64年1月8日' });
    expect(res.statusCode).toBe(400);
    const body = JSON.parse(res.body) as { error: { details: { fields: Array<{ path: string; message: string }> } } };
    expect(body.error.details.fields[0]!.path).toBe('birthDate');
    expect(body.error.details.fields[0]!.message).toMatch(/[ぁ-んァ-ヶ一-龠]/);
    const hits = json<Hits>(await houkatsu.get(`/api/v1/persons?q=${encodeURIComponent('誤日')}`));
    expect(hits.items).toEqual([]);
  });

  it('builds a household, moves a member to another and keeps the history', async () => {
    son = await register(houkatsu, { familyName: '高橋', givenName: '一郎', familyKana: 'たかはし', givenKana: 'いちろう', sex: 'male', birthDate: '1975/6/1', concerns: { categories: ['withdrawal'], tags: ['ひきこもり'] } });
    const created = await houkatsu.post('/api/v1/households', {
      label: '高橋さん世帯',
      address: 'デモ市東町1-2-3',
      members: [
        { personId: mother.id, roleInHousehold: 'head' },
        { personId: son.id, roleInHousehold: 'member' },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const household = json<{ id: string; members: Array<{ personId: string; leftOn: string | null }> }>(created);
    expect(household.members.map((m) => m.personId).sort()).toEqual([mother.id, son.id].sort());

    const other = json<{ id: string }>(await houkatsu.post('/api/v1/households', { label: '一郎さん単身世帯', members: [] }));
    const moved = await houkatsu.post(`/api/v1/households/${other.id}/members`, { personId: son.id });
    expect(moved.statusCode).toBe(200);
    const sonNow = json<Person>(await houkatsu.get(`/api/v1/persons/${son.id}`));
    expect(sonNow.households.map((h) => [h.householdId, h.leftOn === null])).toEqual(
      expect.arrayContaining([
        [other.id, true],
        [household.id, false],
      ]),
    );
  });

  it('refuses stale updates (optimistic concurrency)', async () => {
    const fields = { familyName: '髙橋', givenName: '花子', familyKana: 'タカハシ', givenKana: 'ハナコ', sex: 'female', birthDate: '1946-04-01' };
    const first = await houkatsu.put(`/api/v1/persons/${mother.id}`, { ...fields, notes: '電話連絡可', version: mother.version });
    expect(first.statusCode).toBe(200);
    const stale = await houkatsu.put(`/api/v1/persons/${mother.id}`, { ...fields, notes: '上書き', version: mother.version });
    expect(stale.statusCode).toBe(409);
    expect(json<{ notes: string }>(await houkatsu.get(`/api/v1/persons/${mother.id}`)).notes).toBe('電話連絡可');
  });

  it('shows nothing to an unrelated agency: not in search, not by id, and the refusal is audited', async () => {
    for (const q of ['高橋', 'たかはし', '1946-04-01', '090-1234']) {
      expect(json<Hits>(await jiritsu.get(`/api/v1/persons?q=${encodeURIComponent(q)}`)).items).toEqual([]);
    }
    const byId = await jiritsu.get(`/api/v1/persons/${mother.id}`);
    expect(byId.statusCode).toBe(404);
    expect((await jiritsu.put(`/api/v1/persons/${mother.id}`, { familyName: '改ざん', version: 1 })).statusCode).toBe(404);
    const denied = await t.database.db.selectFrom('audit_event').select(['action', 'target_id']).where('actor_login', '=', 'jiritsu').where('outcome', '=', 'denied').execute();
    expect(denied).toEqual(expect.arrayContaining([{ action: 'person.read', target_id: mother.id }]));
  });

  it.each(['auditor', 'sysadmin', 'minsei1', 'pref'])('refuses person search and reads to %s', async (login) => {
    const c = await t.signIn(login);
    expect((await c.get(`/api/v1/persons?q=${encodeURIComponent('高橋')}`)).statusCode).toBe(403);
    expect((await c.get(`/api/v1/persons/${mother.id}`)).statusCode).toBe(404);
  });

  it('audits every read with its basis and never writes the search text', async () => {
    const reads = await t.database.db.selectFrom('audit_event').selectAll().where('action', '=', 'person.read').where('actor_login', '=', 'houkatsu1').execute();
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((r) => r.basis && r.target_id)).toBe(true);
    const searches = await t.database.db.selectFrom('audit_event').selectAll().where('action', '=', 'person.search').execute();
    expect(searches.length).toBeGreaterThan(10);
    expect(JSON.stringify(searches)).not.toMatch(/高橋|たかはし|1946/);
  });
});
