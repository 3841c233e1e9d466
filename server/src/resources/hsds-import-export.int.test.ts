import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, json, startTestApp, type TestApp } from '../../test/test-app.js';
import { parseCsvTable } from './csv-parse.js';
import { problemsAgainst } from './hsds-official-schemas.js';
import { NUMERIC_COLUMNS, TABULAR_TABLES } from './tabular-tables.js';

let t: TestApp;
let outreach: Client;
type Hsds = Record<string, unknown> & { id: string; name: string; attributes: Array<Record<string, unknown>>; schedules: Array<Record<string, unknown>>; organization: Record<string, unknown> };
type ImportErr = { error: { code: string; message: string; details: { rows: Array<{ row: number; file?: string; id: string | null; path: string; message: string }> } } };

const NEW_ORG = '0194f5a0-1111-7000-8000-000000000001';
const NEW_SERVICE = '0194f5a0-1111-7000-8000-000000000002';
const NEW_TERM = '0194f5a0-1111-7000-8000-000000000003';

async function counts() {
  const n = async (
    table: 'resource_service' | 'resource_organization' | 'resource_taxonomy_term' | 'resource_schedule' | 'resource_location' | 'resource_service_term' | 'resource_service_at_location',
  ) =>
    Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('municipality_id', '=', t.municipalityId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    services: await n('resource_service'),
    organizations: await n('resource_organization'),
    terms: await n('resource_taxonomy_term'),
    schedules: await n('resource_schedule'),
    locations: await n('resource_location'),
    serviceTerms: await n('resource_service_term'),
    links: await n('resource_service_at_location'),
  };
}
const exportJson = async () => json<Hsds[]>(await outreach.get('/api/v1/resources/export/hsds.json'));
const newService = (over: Record<string, unknown> = {}) => ({
  id: NEW_SERVICE,
  name: 'Imported work trial',
  status: 'active',
  description: '他市のシステムから取り込んだサービス',
  minimum_age: 18,
  organization: { id: NEW_ORG, name: 'NPO Imported', description: 'from another HSDS system' },
  schedules: [{ id: '0194f5a0-1111-7000-8000-000000000004', freq: 'WEEKLY', byday: 'TU', opens_at: '01:00Z', closes_at: '03:00Z' }],
  attributes: [
    {
      id: '0194f5a0-1111-7000-8000-000000000005',
      link_id: NEW_SERVICE,
      link_entity: 'service',
      taxonomy_term_id: NEW_TERM,
      taxonomy_term: { id: NEW_TERM, code: 'JOB-1', name: 'Job training', description: 'Open Eligibility', taxonomy: 'open-eligibility' },
    },
  ],
  contacts: [{ id: '0194f5a0-1111-7000-8000-000000000006', name: 'Someone' }],
  ...over,
});

beforeAll(async () => {
  t = await startTestApp();
  outreach = await t.signIn('outreach');
});
afterAll(async () => {
  await t?.close();
});

describe('HSDS export', () => {
  it('writes every service as HSDS 3.0 JSON that is valid against the official compiled/service.json', async () => {
    const res = await outreach.get('/api/v1/resources/export/hsds.json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="hsds-services-\d{4}-\d{2}-\d{2}\.json"/);
    const services = json<Hsds[]>(res);
    expect(services.length).toBe((await counts()).services);
    for (const s of services) expect([s.name, problemsAgainst('compiled/service.json', s)]).toEqual([s.name, []]);
    const cafe = services.find((s) => s.name === '就労体験「ほっとカフェ」実習')!;
    expect(cafe.attributes.map((a) => (a.taxonomy_term as { code: string }).code)).toEqual(expect.arrayContaining(['work_experience', 'capacity', 'waitlist_count']));
    const event = await t.database.db.selectFrom('audit_event').select(['details']).where('action', '=', 'resource.export').executeTakeFirstOrThrow();
    expect(event.details).toMatchObject({ format: 'json', services: services.length });
  });

  it('writes the tabular package: every CSV valid against the official compiled/tabular.json, also one file at a time', async () => {
    const { files } = json<{ files: Record<string, string> }>(await outreach.get('/api/v1/resources/export/tabular'));
    const tables: Record<string, Array<Record<string, unknown>>> = {};
    for (const [name, def] of Object.entries(TABULAR_TABLES)) {
      const parsed = parseCsvTable(files[def.path]!);
      expect(parsed.header).toEqual([...def.columns]);
      tables[name] = parsed.rows.map(({ cells }) => Object.fromEntries(Object.entries(cells).flatMap(([k, v]) => (v === '' ? [] : [[k, NUMERIC_COLUMNS.has(k) ? Number(v) : v]]))));
    }
    expect(tables.service!.length).toBe((await counts()).services);
    expect(problemsAgainst('compiled/tabular.json', tables)).toEqual([]);
    expect(JSON.parse(files['datapackage.json']!).resources).toHaveLength(Object.keys(TABULAR_TABLES).length);
    const one = await outreach.get('/api/v1/resources/export/tabular/services.csv');
    expect(one.headers['content-type']).toContain('text/csv');
    expect(one.body).toBe(files['services.csv']);
    expect((await outreach.get('/api/v1/resources/export/tabular/secrets.csv')).statusCode).toBe(404);
  });
});

describe('HSDS import (all or nothing)', () => {
  it('a bad file names each bad row in Japanese and leaves nothing behind', async () => {
    const before = await counts();
    const [first] = await exportJson();
    const bad = [
      { ...first!, name: '変更されてはいけない' },
      newService(),
      {
        ...newService({ id: '0194f5a0-1111-7000-8000-0000000000f1' }),
        status: 'open',
        schedules: [{ id: '0194f5a0-1111-7000-8000-0000000000f2', freq: 'WEEKLY', byday: 'XX' }],
        organization: undefined,
      },
      'not an object',
    ];
    const res = await outreach.post('/api/v1/resources/import/hsds-json', bad);
    expect(res.statusCode).toBe(400);
    const err = json<ImportErr>(res).error;
    expect(err.message).toContain('何も登録していません');
    expect(err.details.rows).toEqual(
      expect.arrayContaining([
        { row: 3, id: '0194f5a0-1111-7000-8000-0000000000f1', path: 'status', message: expect.stringContaining('active / inactive') },
        { row: 4, id: null, path: '', message: 'サービスはオブジェクトで指定してください。' },
      ]),
    );
    expect(await counts()).toEqual(before);
    expect((await exportJson()).find((s) => s.id === first!.id)!.name).toBe(first!.name);
  });

  it('a good file upserts by id: changed services are updated, new ones created with their organization and terms', async () => {
    const before = await counts();
    const exported = await exportJson();
    const cafe = exported.find((s) => s.name === '就労体験「ほっとカフェ」実習')!;
    const changed = {
      ...cafe,
      name: '就労体験「ほっとカフェ」実習（取込で更新）',
      attributes: cafe.attributes.map((a) => ((a.taxonomy_term as { code: string }).code === 'capacity' ? { ...a, value: '6' } : a)),
    };
    const res = await outreach.post('/api/v1/resources/import/hsds-json', [changed, newService()]);
    expect(res.statusCode).toBe(200);
    expect(json(res)).toEqual({ services: { created: 1, updated: 1 }, organizations: { created: 1, updated: 1 }, locations: 1, taxonomyTerms: { created: 1 }, ignoredFields: ['contacts'] });
    const after = await counts();
    expect(after).toMatchObject({ services: before.services + 1, organizations: before.organizations + 1, terms: before.terms + 1, schedules: before.schedules + 1, locations: before.locations });
    const view = json<{ name: string; capacity: number; version: number }>(await outreach.get(`/api/v1/resources/services/${cafe.id}`));
    expect(view).toMatchObject({ name: '就労体験「ほっとカフェ」実習（取込で更新）', capacity: 6 });
    const imported = json<{ schedules: Array<{ opensAt: string; closesAt: string }>; terms: Array<{ taxonomy: string; code: string }>; organization: { name: string } }>(
      await outreach.get(`/api/v1/resources/services/${NEW_SERVICE}`),
    );
    expect(imported.schedules[0]).toMatchObject({ opensAt: '10:00', closesAt: '12:00' });
    expect(imported.terms).toEqual([expect.objectContaining({ taxonomy: 'open-eligibility', code: 'JOB-1' })]);
    expect(imported.organization.name).toBe('NPO Imported');
  });

  it('importing its own export changes nothing but versions (no duplicated rows)', async () => {
    const before = await counts();
    const exported = await exportJson();
    const res = await outreach.post('/api/v1/resources/import/hsds-json', exported);
    expect(res.statusCode).toBe(200);
    expect(json<{ services: { created: number; updated: number } }>(res).services).toEqual({ created: 0, updated: exported.length });
    expect(await counts()).toEqual(before);
    const again = await exportJson();
    const strip = (s: Hsds[]) => s.map(({ last_modified: _m, ...rest }) => rest);
    expect(strip(again)).toEqual(strip(exported));
  });

  it('reads the tabular package back; a package with a row that attaches to nothing is refused with file and line', async () => {
    const { files } = json<{ files: Record<string, string> }>(await outreach.get('/api/v1/resources/export/tabular'));
    const renamed = files['services.csv']!.replace('子ども食堂「みんなのテーブル」', '子ども食堂「みんなのテーブル」（CSV）');
    const ok = await outreach.post('/api/v1/resources/import/tabular', { files: { ...files, 'services.csv': renamed } });
    expect(ok.statusCode).toBe(200);
    const list = json<{ items: Array<{ name: string }> }>(await outreach.get(`/api/v1/resources/services?q=${encodeURIComponent('（CSV）')}`));
    expect(list.items.map((i) => i.name)).toEqual(['子ども食堂「みんなのテーブル」（CSV）']);

    const before = await counts();
    const cells: Record<string, string> = { id: '0194f5a0-1111-7000-8000-0000000000e1', service_id: '0194f5a0-1111-7000-8000-0000000000e2', freq: 'WEEKLY', byday: 'MO' };
    const orphan = `${files['schedules.csv']!}${TABULAR_TABLES.schedule.columns.map((col) => cells[col] ?? '').join(',')}\r\n`;
    const lines = orphan.trimEnd().split('\r\n').length;
    const bad = await outreach.post('/api/v1/resources/import/tabular', {
      files: { ...files, 'services.csv': renamed.replace('子ども食堂「みんなのテーブル」（CSV）', '消えるはずの名前'), 'schedules.csv': orphan },
    });
    expect(bad.statusCode).toBe(400);
    expect(json<ImportErr>(bad).error.details.rows).toEqual([{ row: lines, file: 'schedules.csv', id: null, path: '', message: expect.stringContaining('参照先') }]);

    const badValue = files['services.csv']!.replace(/,active,/, ',closed,');
    const bad2 = await outreach.post('/api/v1/resources/import/tabular', { files: { ...files, 'services.csv': badValue } });
    expect(bad2.statusCode).toBe(400);
    expect(json<ImportErr>(bad2).error.details.rows[0]).toMatchObject({ file: 'services.csv', row: 2, path: 'status' });
    expect(await counts()).toEqual(before);
  });
});
