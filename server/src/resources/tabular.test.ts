import { beforeAll, describe, expect, it } from 'vitest';
import { hsdsService, hsdsTerm, extTermRecord } from './hsds-map.js';
import { ImportService } from './hsds-import-schema.js';
import { PLACE, sampleService } from './hsds.fixture.js';
import { officialValidator, problemsAgainst, tabularColumns } from './hsds-official-schemas.js';
import { toCsvFiles, toTables } from './tabular-export.js';
import { assembleTabular } from './tabular-import.js';
import { TABULAR_TABLES } from './tabular-tables.js';

const staff = { place: PLACE, includeAssurer: true };
const services = () => [
  hsdsService(sampleService(), staff),
  hsdsService(
    sampleService({ id: '0194f5a0-0000-7000-8000-0000000000aa', name: '居場所', capacity: null, waitlistCount: null, schedules: [], locations: [], serviceAreas: [], languages: [], costOptions: [] }),
    staff,
  ),
];

beforeAll(() => {
  officialValidator('compiled/tabular.json');
}, 60_000);

describe('HSDS tabular package', () => {
  it('has, for each table Kasane writes, exactly the columns of the official compiled/tabular.json', () => {
    for (const [table, def] of Object.entries(TABULAR_TABLES)) expect([table, ...def.columns]).toEqual([table, ...tabularColumns(table)]);
  });

  it('writes tables that are valid against the official compiled/tabular.json', () => {
    const tables = toTables(services(), { terms: [hsdsTerm(extTermRecord('area'))] });
    expect(problemsAgainst('compiled/tabular.json', tables)).toEqual([]);
    expect(tables.service).toHaveLength(2);
    expect(tables.organization).toHaveLength(1);
    expect(tables.attribute.filter((a) => a.link_id === sampleService().id)).toHaveLength(4);
    expect(tables.taxonomy.map((t) => t.name).sort()).toEqual(['kasane-ext', 'kasane-ja']);
    // …and the validator does look at the rows.
    expect(problemsAgainst('compiled/tabular.json', { ...tables, service: [{ ...tables.service[0], status: 'open', minimum_age: '15' }] }).length).toBeGreaterThanOrEqual(2);
  });

  it('reads its own CSV files back into the same services', () => {
    const files = toCsvFiles(toTables(services()));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['services.csv', 'schedules.csv', 'attributes.csv', 'datapackage.json']));
    const pkg = assembleTabular(files);
    expect(pkg.problems).toEqual([]);
    expect(pkg.organizations).toEqual([]);
    const norm = (o: unknown) => {
      const s = ImportService.parse(o);
      // Row order inside a service may differ between JSON and CSV: compare as sets.
      return { ...s, attributes: [...s.attributes].sort((a, b) => String(a.id).localeCompare(String(b.id))) };
    };
    expect(pkg.services.map(norm)).toEqual(services().map((s) => norm(JSON.parse(JSON.stringify(s)))));
  });

  it('reports rows that attach to nothing and CSV syntax errors with file and line', () => {
    const files = toCsvFiles(toTables(services()));
    files['languages.csv'] += '0194f5a0-0000-7000-8000-0000000000bb,0194f5a0-0000-7000-8000-0000000000cc,,,英語,en,\r\n';
    files['cost_options.csv'] = 'id,service_id\r\n"broken,x\r\n';
    files['contacts.csv'] = 'id\r\n';
    const pkg = assembleTabular(files);
    expect(pkg.problems).toEqual(
      expect.arrayContaining([
        { file: 'languages.csv', row: 4, message: expect.stringContaining('参照先') },
        { file: 'cost_options.csv', row: 2, message: expect.stringContaining('引用符') },
      ]),
    );
    expect(pkg.ignoredFiles).toEqual(['contacts.csv']);
  });

  it('points a problem inside a nested object at the CSV line it came from', () => {
    const pkg = assembleTabular(toCsvFiles(toTables(services())));
    const index = pkg.services.findIndex((s) => s.id === sampleService().id);
    expect(pkg.originOf(index, ['schedules', 1, 'byday'])).toEqual({ file: 'schedules.csv', row: 3 });
    expect(pkg.originOf(index, ['service_at_locations', 0, 'location', 'addresses', 0, 'postal_code'])).toEqual({ file: 'addresses.csv', row: 2 });
    expect(pkg.originOf(index, ['name'])?.file).toBe('services.csv');
  });

  it('imports an organization without services on its own', () => {
    const files = toCsvFiles(toTables(services(), { organizations: [{ id: '0194f5a0-0000-7000-8000-0000000000dd', name: '新しい団体', description: '' }] }));
    expect(assembleTabular(files).organizations.map((o) => o.value.name)).toEqual(['新しい団体']);
  });
});
