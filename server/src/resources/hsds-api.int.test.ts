import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, json, startTestApp, type TestApp } from '../../test/test-app.js';
import { EXT_TERMS } from './default-taxonomy.js';
import { problemsAgainst } from './hsds-official-schemas.js';

let t: TestApp;
let outreach: Client;
type Page<T = Record<string, unknown>> = {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: Array<T & { id: string; name: string }>;
};

/** Public: no cookie, no CSRF header. */
const get = async <T = Page>(url: string) => {
  const res = await t.app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: JSON.parse(res.body) as T };
};

beforeAll(async () => {
  t = await startTestApp();
  outreach = await t.signIn('outreach');
});
afterAll(async () => {
  await t?.close();
});

describe('public HSDS API profile', () => {
  it('lists services without sign-in, paged as the profile says, never the defunct ones', async () => {
    const { status, body } = await get('/hsds/services?per_page=200');
    expect(status).toBe(200);
    const all = await t.database.db.selectFrom('resource_service').select(['name', 'status']).where('municipality_id', '=', t.municipalityId).execute();
    expect(body.total_items).toBe(all.filter((s) => s.status !== 'defunct').length);
    expect(body.contents.map((s) => s.name)).not.toContain('東町ふれあい農園');
    expect(body).toMatchObject({ page_number: 1, first_page: true, last_page: true, empty: false, size: body.contents.length, total_pages: 1 });
    for (const s of body.contents) expect(problemsAgainst('compiled/service_list.json', s)).toEqual([]);

    const p2 = (await get('/hsds/services?per_page=5&page=2')).body;
    expect(p2).toMatchObject({ page_number: 2, size: 5, first_page: false, last_page: false, total_pages: Math.ceil(body.total_items / 5) });
    expect(p2.contents.map((s) => s.id)).toEqual(body.contents.slice(5, 10).map((s) => s.id));
    const beyond = (await get('/hsds/services?page=99')).body;
    expect(beyond).toMatchObject({ empty: true, size: 0, last_page: true });
  });

  it('finds services by text (name or description, full-width folded), taxonomy term, taxonomy and organization', async () => {
    const byName = (await get(`/hsds/services?search=${encodeURIComponent('子ども食堂')}`)).body;
    expect(byName.contents.map((s) => s.name)).toEqual(expect.arrayContaining(['子ども食堂「みんなのテーブル」', '南町子ども食堂「にこにこ」']));
    const byDescription = (await get(`/hsds/services?search=${encodeURIComponent('袋詰め')}`)).body;
    expect(byDescription.contents.map((s) => s.name)).toContain('就労体験「けやき工房」軽作業');
    expect((await get(`/hsds/services?search=${encodeURIComponent('ＮＯ ＳＵＣＨ ＴＨＩＮＧ')}`)).body.total_items).toBe(0);

    const terms = (await get('/hsds/taxonomy_terms?per_page=200')).body as Page<{ code: string; taxonomy_id: string }>;
    const work = terms.contents.find((x) => x.code === 'work_experience')!;
    const byTerm = (await get(`/hsds/services?taxonomy_term_id=${work.id}&full=true&per_page=200`)).body as Page<{ attributes: Array<{ taxonomy_term_id: string }> }>;
    expect(byTerm.total_items).toBeGreaterThanOrEqual(3);
    expect(byTerm.contents.every((s) => s.attributes.some((a) => a.taxonomy_term_id === work.id))).toBe(true);
    for (const s of byTerm.contents) expect(problemsAgainst('compiled/service.json', s)).toEqual([]);

    const taxonomies = (await get('/hsds/taxonomies')).body as Page<{ description: string }>;
    expect(taxonomies.contents.map((x) => x.name)).toEqual(expect.arrayContaining(['kasane-ja', 'kasane-ext']));
    const kasane = taxonomies.contents.find((x) => x.name === 'kasane-ja')!;
    expect(problemsAgainst('taxonomy.json', kasane)).toEqual([]);
    expect((await get(`/hsds/services?taxonomy_id=${kasane.id}`)).body.total_items).toBeGreaterThan(20);
    expect((await get('/hsds/services?taxonomy_id=0194f5a0-0000-7000-8000-0000000000ff')).body.total_items).toBe(0);

    const orgs = (await get(`/hsds/organizations?search=${encodeURIComponent('ほっと')}`)).body;
    expect(orgs.contents.map((o) => o.name)).toEqual(['NPO法人 ほっとスペース']);
    expect((await get(`/hsds/services?organization_id=${orgs.contents[0]!.id}`)).body.total_items).toBe(3);
  });

  it('modified_after returns only what changed since then', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    expect((await get(`/hsds/services?modified_after=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).body.total_items).toBe(0);
    const list = json<{ items: Array<{ id: string; name: string }> }>(await outreach.get(`/api/v1/resources/services?q=${encodeURIComponent('ひだまり')}`));
    const view = json<{ version: number }>(await outreach.get(`/api/v1/resources/services/${list.items[0]!.id}`));
    expect((await outreach.post(`/api/v1/resources/services/${list.items[0]!.id}/assure`, { version: view.version })).statusCode).toBe(200);
    const changed = (await get(`/hsds/services?modified_after=${encodeURIComponent(since)}`)).body;
    expect(changed.contents.map((s) => s.name)).toEqual(['ふれあいいきいきサロン「ひだまり」']);
    const bad = await get<{ error: { code: string; details: { fields: Array<{ message: string }> } } }>('/hsds/services?modified_after=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields[0]!.message).toContain('modified_after');
  });

  it('serves one fully nested service (valid against compiled/service.json), without staff names; defunct is not found', async () => {
    const cafe = (await get(`/hsds/services?search=${encodeURIComponent('ほっとカフェ」実習')}`)).body.contents[0]!;
    const { status, body } = await get<Record<string, unknown> & { attributes: Array<{ taxonomy_term_id: string; value?: string }>; assurer_email?: string }>(`/hsds/services/${cafe.id}`);
    expect(status).toBe(200);
    expect(problemsAgainst('compiled/service.json', body)).toEqual([]);
    expect(body.attributes.find((a) => a.taxonomy_term_id === EXT_TERMS.capacity.id)?.value).toBe('3');
    expect(body.attributes.some((a) => a.taxonomy_term_id === EXT_TERMS.assured_by.id)).toBe(false);
    expect(JSON.stringify(body)).not.toContain('訪問 つなぐ');
    const defunct = await t.database.db.selectFrom('resource_service').select('service_id').where('status', '=', 'defunct').executeTakeFirstOrThrow();
    expect((await get(`/hsds/services/${defunct.service_id}`)).status).toBe(404);
    expect((await get('/hsds/services/0194f5a0-0000-7000-8000-0000000000ff')).status).toBe(404);
  });

  it('serves organizations, taxonomy terms and service_at_locations valid against the official schemas', async () => {
    const orgs = (await get('/hsds/organizations?per_page=200')).body;
    for (const o of orgs.contents) expect(problemsAgainst('compiled/organization_list.json', o)).toEqual([]);
    const hot = orgs.contents.find((o) => o.name === 'NPO法人 ほっとスペース')!;
    const one = (await get<Record<string, unknown> & { services: unknown[]; locations: unknown[] }>(`/hsds/organizations/${hot.id}`)).body;
    expect(problemsAgainst('compiled/organization.json', one)).toEqual([]);
    expect(one.services).toHaveLength(3);
    expect(one.locations).toHaveLength(1);

    const terms = (await get('/hsds/taxonomy_terms?per_page=200')).body;
    for (const x of terms.contents) expect(problemsAgainst('taxonomy_term.json', x)).toEqual([]);
    const term = terms.contents[0]!;
    expect((await get(`/hsds/taxonomy_terms/${term.id}`)).body).toEqual(term);

    const sal = (await get('/hsds/service_at_locations?per_page=200')).body as Page<{ location: { name: string }; service: { name: string } }>;
    expect(sal.total_items).toBeGreaterThan(15);
    for (const x of sal.contents) expect(problemsAgainst('compiled/service_at_location_list.json', x)).toEqual([]);
    const kodomo = (await get(`/hsds/service_at_locations?search=${encodeURIComponent('みんなのテーブル')}`)).body as Page<{ location: { name: string } }>;
    expect(kodomo.contents.map((x) => x.location.name)).toEqual(['東町地区センター']);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await get<{ paths: Record<string, unknown> }>('/api/openapi.json')).body;
    for (const p of [
      '/hsds/services',
      '/hsds/services/{id}',
      '/hsds/organizations',
      '/hsds/organizations/{id}',
      '/hsds/taxonomies',
      '/hsds/taxonomy_terms',
      '/hsds/service_at_locations',
      '/api/v1/resources/services',
    ]) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
  });
});
