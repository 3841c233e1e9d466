import { beforeAll, describe, expect, it } from 'vitest';
import { EXT_TERMS } from './default-taxonomy.js';
import { hsdsOrganization, hsdsService, hsdsServiceAtLocations, hsdsServiceBrief } from './hsds-map.js';
import { ImportService } from './hsds-import-schema.js';
import { type DirectorySnapshot, resolveImport } from './hsds-import-resolve.js';
import { AREA_EAST, PLACE, sampleService } from './hsds.fixture.js';
import { officialValidator, problemsAgainst } from './hsds-official-schemas.js';

const staff = { place: PLACE, includeAssurer: true };
const publicApi = { place: PLACE, includeAssurer: false };

function snapshot(overrides: Partial<DirectorySnapshot> = {}): DirectorySnapshot {
  const s = sampleService();
  return {
    organizationIds: new Set(),
    serviceIds: new Set(),
    locationIds: new Set(),
    termIds: new Set([s.terms[0]!.id]),
    termIdByKey: new Map([[`kasane-ja\u0000work_experience`, s.terms[0]!.id]]),
    areaIdByCode: new Map([['east', AREA_EAST]]),
    areaIdByName: new Map([['東部圏域', AREA_EAST]]),
    childOwners: { schedule: new Map(), service_area: new Map(), language: new Map(), cost_option: new Map(), service_at_location: new Map() },
    ...overrides,
  };
}

// The official compiled schemas are large (compiled/service.json is 2 MB): compile them once, up front.
beforeAll(() => {
  for (const f of ['compiled/service.json', 'compiled/service_list.json', 'compiled/service_at_location_list.json', 'compiled/organization.json']) officialValidator(f);
}, 120_000);

describe('Kasane records → HSDS 3.0', () => {
  it('a fully nested service is valid against the official compiled/service.json', () => {
    expect(problemsAgainst('compiled/service.json', hsdsService(sampleService(), staff))).toEqual([]);
    expect(problemsAgainst('compiled/service.json', hsdsService(sampleService(), publicApi))).toEqual([]);
  });

  it('the official validator does refuse what is not HSDS (so the checks above mean something)', () => {
    const bad = { ...hsdsService(sampleService(), staff), status: 'open', minimum_age: '15' };
    expect(problemsAgainst('compiled/service.json', bad).length).toBeGreaterThanOrEqual(2);
    expect(problemsAgainst('compiled/service.json', { ...hsdsService(sampleService(), staff), id: 'not-a-uuid' })).not.toEqual([]);
  });

  it('list rows, service_at_locations and organizations are valid against their official schemas', () => {
    const s = sampleService();
    expect(problemsAgainst('compiled/service_list.json', hsdsServiceBrief(s, publicApi))).toEqual([]);
    for (const sal of hsdsServiceAtLocations(s, publicApi)) expect(problemsAgainst('compiled/service_at_location_list.json', sal)).toEqual([]);
    expect(problemsAgainst('compiled/organization.json', hsdsOrganization(s.organization, { services: [hsdsServiceBrief(s, publicApi)] }))).toEqual([]);
  });

  it('carries taxonomy terms as classification attributes and 受入枠・待機人数 as Kasane extension attributes', () => {
    const out = hsdsService(sampleService(), staff);
    const byTerm = new Map(out.attributes.map((a) => [a.taxonomy_term_id, a]));
    expect(byTerm.get('0194f5a0-0000-7000-8000-000000000003')).toMatchObject({
      link_entity: 'service',
      link_type: 'classification',
      taxonomy_term: { code: 'work_experience', name: '就労体験', taxonomy: 'kasane-ja' },
    });
    expect(byTerm.get(EXT_TERMS.capacity.id)).toMatchObject({ value: '3', link_type: 'extension', taxonomy_term: { taxonomy: 'kasane-ext', code: 'capacity' } });
    expect(byTerm.get(EXT_TERMS.waitlist_count.id)?.value).toBe('2');
    expect(byTerm.get(EXT_TERMS.assured_by.id)?.value).toBe('訪問 つなぐ');
  });

  it('the public API leaves the staff member who assured the entry out; an e-mail address goes to assurer_email in staff exports', () => {
    const pub = hsdsService(sampleService(), publicApi);
    expect(pub.attributes.some((a) => a.taxonomy_term_id === EXT_TERMS.assured_by.id)).toBe(false);
    expect(pub.assurer_email).toBeUndefined();
    expect(pub.assured_date).toBe('2026-10-01');
    expect(hsdsService(sampleService({ assuredBy: 'tsunagu@example.org' }), staff).assurer_email).toBe('tsunagu@example.org');
  });

  it('writes the Japanese address, 圏域 and opening hours in Japan time, and leaves absent values out', () => {
    const out = hsdsService(sampleService({ email: null, alternateName: null }), staff);
    expect('email' in out).toBe(false);
    expect('alternate_name' in out).toBe(false);
    const location = out.service_at_locations[0]!.location!;
    expect(location.addresses?.[0]).toMatchObject({ address_1: 'デモ県デモ市東町2-7-15', city: 'デモ市', state_province: 'デモ県', postal_code: '990-0201', country: 'JP' });
    expect(location.attributes?.[0]).toMatchObject({ taxonomy_term_id: EXT_TERMS.area.id, value: 'east' });
    expect(out.schedules[0]).toMatchObject({
      freq: 'WEEKLY',
      byday: 'MO,WE,FR',
      opens_at: '10:00+09:00',
      closes_at: '15:00+09:00',
      timezone: 9,
      service_at_location_id: '0194f5a0-0000-7000-8000-00000000000b',
    });
  });

  it('an exported service imports back to the same directory content (ids kept)', () => {
    const record = sampleService();
    const parsed = ImportService.parse(JSON.parse(JSON.stringify(hsdsService(record, staff))));
    const { services, organizations, terms, errors } = resolveImport([{ index: 0, service: parsed }], snapshot());
    expect(errors).toEqual([]);
    expect(terms).toEqual([]);
    expect(organizations.map((o) => o.id)).toEqual([record.organizationId]);
    const w = services[0]!.write;
    expect(w).toMatchObject({
      id: record.id,
      name: record.name,
      minimumAge: 15,
      maximumAge: 64,
      capacity: 3,
      waitlistCount: 2,
      assured: { date: '2026-10-01', by: '訪問 つなぐ' },
      termIds: [record.terms[0]!.id],
    });
    expect(w.schedules).toEqual(record.schedules);
    expect(w.serviceAreas).toEqual([{ id: record.serviceAreas[0]!.id, areaId: AREA_EAST, name: '東部圏域', description: null }]);
    expect(w.languages).toEqual(record.languages);
    expect(w.locations[0]).toMatchObject({
      serviceAtLocationId: '0194f5a0-0000-7000-8000-00000000000b',
      location: { address: 'デモ県デモ市東町2-7-15', postalCode: '990-0201', areaId: AREA_EAST, latitude: 35.1, accessibility: '車いす可' },
    });
  });

  it('reports every problem of a bad service with its path, in Japanese', () => {
    const good = JSON.parse(JSON.stringify(hsdsService(sampleService(), staff)));
    good.schedules[0].byday = 'XX';
    good.minimum_age = 70;
    good.attributes[1].value = 'たくさん';
    good.service_at_locations[0].location.attributes[0].value = 'north';
    const { errors } = resolveImport([{ index: 4, service: ImportService.parse(good) }], snapshot());
    const paths = errors.map((e) => e.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['schedules.0.byday', 'maximum_age', 'attributes.1.value', 'service_at_locations.0.location.attributes.0.value']));
    expect(errors.every((e) => e.index === 4 && /[ぁ-んァ-ヶ一-龠]/.test(e.message))).toBe(true);
  });

  it('refuses nested ids another service already has, and unknown organizations', () => {
    const s = sampleService();
    const json = JSON.parse(JSON.stringify(hsdsService(s, staff)));
    delete json.organization;
    const snap = snapshot({ childOwners: { ...snapshot().childOwners, schedule: new Map([[s.schedules[0]!.id, '0194f5a0-0000-7000-8000-0000000000ff']]) } });
    const { errors } = resolveImport([{ index: 0, service: ImportService.parse(json) }], snap);
    expect(errors.map((e) => e.message)).toEqual(expect.arrayContaining([expect.stringContaining('別のサービスで使われています'), expect.stringContaining('提供機関')]));
  });
});
