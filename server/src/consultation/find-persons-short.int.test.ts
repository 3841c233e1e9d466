import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestApp, type TestApp } from '../../test/test-app.js';

type Hits = { kind: string; items: Array<{ id: string; rank: number }> };

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('本人検索 with one or two characters (too short for trigrams: the gram index)', () => {
  it('search_grams(t) contains a value of one or two characters exactly when t does', async () => {
    const texts = ['髙橋花子', '高橋花子', 'たかはしはなこ', 'デモ市東町1-2-3', '𠮷田太郎', 'あ', ''];
    const values = ['花子', '花', '子', '橋花', 'はな', 'こ', '東町', '1-', '-3', '𠮷田', '𠮷', 'あ', '田花', 'はこ', '町東'];
    const r = await sql<{ t: string; v: string; grams: boolean; like: boolean }>`
      select t, v, search_grams(t) @> array[v] as grams, strpos(t, v) > 0 as like
      from unnest(${texts}::text[]) as t, unnest(${values}::text[]) as v`.execute(t.database.db);
    expect(r.rows.length).toBe(texts.length * values.length);
    for (const row of r.rows) expect(row.grams, `${row.t} ∋ ${row.v}`).toBe(row.like);
    const empty = await sql<{ g: string[] | null }>`select search_grams(null) as g`.execute(t.database.db);
    expect(empty.rows[0]!.g).toBeNull();
  });

  it('finds a given name, a short address and a short reading inside the keys, and only visible persons', async () => {
    const houkatsu = await t.signIn('houkatsu1');
    const jiritsu = await t.signIn('jiritsu');
    const register = async (c: typeof houkatsu, body: Record<string, unknown>) => json<{ id: string }>(await c.post('/api/v1/persons', body)).id;
    const hanako = await register(houkatsu, { familyName: '短田', givenName: '花子', familyKana: 'みじかた', givenKana: 'はなこ', address: 'デモ市北町9-9' });
    const other = await register(houkatsu, { familyName: '長尾', givenName: '一', familyKana: 'ながお', givenKana: 'はじめ' });
    const hidden = await register(jiritsu, { familyName: '秘田', givenName: '花子', familyKana: 'ひだ', givenKana: 'はなこ' });
    const search = async (q: string) => json<Hits>(await houkatsu.get(`/api/v1/persons?q=${encodeURIComponent(q)}`));
    const ids = async (q: string) => (await search(q)).items.map((h) => h.id);

    expect(await ids('花子')).toEqual([hanako]);
    expect((await search('花子')).items[0]!.rank).toBe(3);
    expect(await ids('北町')).toEqual([hanako]);
    expect((await search('北町')).items[0]!.rank).toBe(4);
    expect(await ids('一')).toContain(other);
    expect(await ids('はな')).toEqual([hanako]);
    for (const q of ['花子', 'はな', '北町']) expect(await ids(q), q).not.toContain(hidden);
    // The owner of the hidden person finds them the same way.
    const mine = json<Hits>(await jiritsu.get(`/api/v1/persons?q=${encodeURIComponent('花子')}`)).items.map((h) => h.id);
    expect(mine).toEqual([hidden]);
  });
});
