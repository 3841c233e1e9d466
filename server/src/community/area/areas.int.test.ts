import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, json, startTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
const c: Record<string, Client> = {};
type Area = { id: string; code: string; name: string; kind: string; parentId: string | null; parentName: string | null; responsibleAgencyId: string | null; responsibleAgencyName: string | null; sortOrder: number; version: number };

beforeAll(async () => {
  t = await startTestApp();
  for (const login of ['admin', 'coordinator', 'houkatsu1', 'minsei1', 'auditor', 'sysadmin']) c[login] = await t.signIn(login);
});
afterAll(async () => {
  await t?.close();
});

const list = async (who: string) => json<{ items: Area[] }>(await c[who]!.get('/api/v1/areas')).items;

describe('圏域 (municipal_area) as municipal configuration', () => {
  let east: Area;
  let created: Area;

  it('staff and the 市町村管理者 list the 圏域 with their responsible agencies, in order', async () => {
    const items = await list('coordinator');
    expect(items.map((a) => a.name)).toEqual(['東部圏域', '西部圏域', '南部圏域']);
    expect(items[0]).toMatchObject({ code: 'east', kind: 'daily_life', responsibleAgencyName: 'デモ市東部地域包括支援センター' });
    east = items[0]!;
    expect((await c.houkatsu1!.get('/api/v1/areas')).statusCode).toBe(200);
    expect((await c.admin!.get('/api/v1/areas')).statusCode).toBe(200);
  });

  it('WHO MUST NOT: 民生委員, auditor get no list; only municipal configuration roles change 圏域', async () => {
    expect((await c.minsei1!.get('/api/v1/areas')).statusCode).toBe(403);
    expect((await c.auditor!.get('/api/v1/areas')).statusCode).toBe(403);
    const body = { code: 'x1', name: '試し', kind: 'other' };
    for (const who of ['coordinator', 'houkatsu1', 'minsei1', 'auditor']) expect((await c[who]!.post('/api/v1/areas', body)).statusCode, who).toBe(403);
    expect((await c.coordinator!.put(`/api/v1/areas/${east.id}`, { ...body, version: east.version })).statusCode).toBe(403);
  });

  it('the 市町村管理者 adds a 圏域（地区） inside 東部圏域; the change is audited', async () => {
    const agencies = json<{ items: Array<{ id: string; name: string }> }>(await c.admin!.get('/api/v1/agencies')).items;
    const houkatsu1 = agencies.find((a) => a.name === 'デモ市東部地域包括支援センター')!;
    const res = await c.admin!.post('/api/v1/areas', { code: 'east-hills', name: '東部丘陵地区', kind: 'district', parentId: east.id, responsibleAgencyId: houkatsu1.id, sortOrder: 11 });
    expect(res.statusCode, res.body).toBe(201);
    created = json<Area>(res);
    expect(created).toMatchObject({ code: 'east-hills', kind: 'district', parentName: '東部圏域', responsibleAgencyName: houkatsu1.name, sortOrder: 11, version: 1 });
    expect((await list('admin')).map((a) => a.code)).toEqual(['east', 'west', 'south', 'east-hills']);
    const events = await t.database.db.selectFrom('audit_event').select(['action', 'basis']).where('target_id', '=', created.id).execute();
    expect(events).toEqual([{ action: 'municipal_area.create', basis: expect.stringContaining('市町村管理者') }]);
  });

  it('refuses a taken code, an unknown agency, and a parent inside the area itself', async () => {
    const dup = await c.admin!.post('/api/v1/areas', { code: 'east', name: '重複', kind: 'other' });
    expect(dup.statusCode).toBe(409);
    expect(dup.body).toContain('このコードはすでに使われています。');
    const badAgency = await c.admin!.post('/api/v1/areas', { code: 'z9', name: '機関なし', kind: 'other', responsibleAgencyId: created.id });
    expect(badAgency.statusCode).toBe(400);
    const loop = await c.admin!.put(`/api/v1/areas/${east.id}`, { code: 'east', name: '東部圏域', kind: 'daily_life', parentId: created.id, responsibleAgencyId: east.responsibleAgencyId, sortOrder: 1, version: east.version });
    expect(loop.statusCode).toBe(400);
    expect(loop.body).toContain('自分自身やその内側の圏域を上位の圏域にはできません。');
    const badCode = await c.admin!.post('/api/v1/areas', { code: '東部', name: '全角コード', kind: 'other' });
    expect(badCode.statusCode).toBe(400);
  });

  it('edits with the version read; a stale version is a conflict', async () => {
    const body = { code: 'east-hills', name: '東部丘陵・川沿い地区', kind: 'district' as const, parentId: east.id, responsibleAgencyId: null, sortOrder: 12 };
    const res = await c.admin!.put(`/api/v1/areas/${created.id}`, { ...body, version: created.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<Area>(res)).toMatchObject({ name: '東部丘陵・川沿い地区', responsibleAgencyId: null, version: 2 });
    const stale = await c.admin!.put(`/api/v1/areas/${created.id}`, { ...body, name: '古い版から', version: created.version });
    expect(stale.statusCode).toBe(409);
    const event = await t.database.db.selectFrom('audit_event').select('details').where('target_id', '=', created.id).where('action', '=', 'municipal_area.update').executeTakeFirstOrThrow();
    expect(event.details).toMatchObject({ changed: ['name', 'responsibleAgencyId', 'sortOrder'] });
  });
});
