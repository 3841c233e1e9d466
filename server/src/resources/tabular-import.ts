/**
 * The HSDS tabular package (CSV files by name) → nested HSDS service objects for the import (pure).
 * Each assembled object remembers the file and line it came from, so a problem found while
 * validating a nested object is reported as "schedules.csv 5行目". Rows that attach to nothing
 * (a schedule whose service_id is not in services.csv …) are errors: nothing is dropped silently.
 */
import type { OriginOf } from './import-hsds.js';
import { CsvSyntaxError, parseCsvTable } from './csv-parse.js';
import { NUMERIC_COLUMNS, PACKAGE_DESCRIPTOR, TABULAR_TABLES, type TabularTable } from './tabular-tables.js';

type Obj = Record<string, unknown>;

export interface TabularProblem {
  file: string;
  row: number;
  message: string;
}

export interface AssembledPackage {
  services: Obj[];
  /** Organizations no service in the package refers to, with the line each is on. */
  organizations: Array<{ value: Obj; origin: { file: string; row: number } }>;
  originOf: OriginOf;
  problems: TabularProblem[];
  ignoredFiles: string[];
}

const BY_PATH = new Map<string, TabularTable>(Object.entries(TABULAR_TABLES).map(([name, def]) => [def.path, name as TabularTable]));

/** A CSV cell as HSDS JSON: '' is absent, numeric columns become numbers when they read as one. */
function value(column: string, cell: string): unknown {
  if (cell === '') return undefined;
  if (NUMERIC_COLUMNS.has(column) && /^-?\d+(\.\d+)?$/.test(cell.trim())) return Number(cell.trim());
  return cell;
}

export function assembleTabular(files: Readonly<Record<string, string>>): AssembledPackage {
  const problems: TabularProblem[] = [];
  const ignoredFiles: string[] = [];
  const origin = new WeakMap<object, { file: string; row: number }>();
  const tables = {} as Record<TabularTable, Obj[]>;
  for (const name of Object.keys(TABULAR_TABLES) as TabularTable[]) tables[name] = [];

  for (const [fileName, text] of Object.entries(files)) {
    const base = fileName.split('/').pop() ?? fileName;
    const table = BY_PATH.get(base);
    if (!table) {
      if (base !== PACKAGE_DESCRIPTOR) ignoredFiles.push(base);
      continue;
    }
    try {
      const parsed = parseCsvTable(text);
      if (parsed.rows.length > 0 && !parsed.header.includes('id')) problems.push({ file: base, row: 1, message: '見出し行に id の列がありません。' });
      for (const { line, cells } of parsed.rows) {
        const obj: Obj = {};
        for (const [column, cell] of Object.entries(cells)) {
          const v = value(column, cell);
          if (v !== undefined) obj[column] = v;
        }
        origin.set(obj, { file: base, row: line });
        tables[table].push(obj);
      }
    } catch (err) {
      if (err instanceof CsvSyntaxError) problems.push({ file: base, row: err.line, message: err.message });
      else throw err;
    }
  }
  if (tables.service.length === 0 && problems.length === 0) problems.push({ file: TABULAR_TABLES.service.path, row: 1, message: 'services.csv がないか、サービスが1行もありません。' });

  const used = new WeakSet<object>();
  const group = (table: TabularTable, key: string) => {
    const map = new Map<string, Obj[]>();
    for (const row of tables[table]) {
      const k = row[key];
      if (typeof k === 'string') map.set(k, [...(map.get(k) ?? []), row]);
    }
    return (id: string) => {
      const rows = map.get(id) ?? [];
      for (const r of rows) used.add(r);
      return rows;
    };
  };
  const byId = (table: TabularTable) => new Map(tables[table].flatMap((r) => (typeof r.id === 'string' ? [[r.id, r] as const] : [])));
  const copy = (row: Obj, extra: Obj) => {
    const out = { ...row, ...extra };
    const o = origin.get(row);
    if (o) origin.set(out, o);
    used.add(row);
    return out;
  };

  const terms = byId('taxonomy_term');
  const taxonomies = byId('taxonomy');
  const attributesOf = group('attribute', 'link_id');
  const attributes = (id: string) =>
    attributesOf(id).map((a) => {
      const term = typeof a.taxonomy_term_id === 'string' ? terms.get(a.taxonomy_term_id) : undefined;
      if (!term) return copy(a, {});
      const detail = typeof term.taxonomy_id === 'string' ? taxonomies.get(term.taxonomy_id) : undefined;
      if (detail) used.add(detail);
      return copy(a, { taxonomy_term: copy(term, detail ? { taxonomy_detail: { name: detail.name } } : {}) });
    });
  const phonesOfService = group('phone', 'service_id');
  const phonesOfOrg = group('phone', 'organization_id');
  const addressesOf = group('address', 'location_id');
  const accessibilityOf = group('accessibility', 'location_id');
  const schedulesOf = group('schedule', 'service_id');
  const areasOf = group('service_area', 'service_id');
  const salsOf = group('service_at_location', 'service_id');
  const languagesOf = group('language', 'service_id');
  const costsOf = group('cost_option', 'service_id');
  const orgs = byId('organization');
  const locations = byId('location');

  const services = tables.service.map((s) => {
    const id = String(s.id ?? '');
    const org = typeof s.organization_id === 'string' ? orgs.get(s.organization_id) : undefined;
    return copy(s, {
      ...(org ? { organization: copy(org, { phones: phonesOfOrg(String(org.id)).map((p) => copy(p, {})) }) } : {}),
      phones: phonesOfService(id).map((p) => copy(p, {})),
      schedules: schedulesOf(id).map((x) => copy(x, {})),
      service_areas: areasOf(id).map((a) => copy(a, { attributes: attributes(String(a.id ?? '')) })),
      service_at_locations: salsOf(id).map((sal) => {
        const l = typeof sal.location_id === 'string' ? locations.get(sal.location_id) : undefined;
        const lid = String(l?.id ?? '');
        return copy(
          sal,
          l ? { location: copy(l, { addresses: addressesOf(lid).map((a) => copy(a, {})), accessibility: accessibilityOf(lid).map((a) => copy(a, {})), attributes: attributes(lid) }) } : {},
        );
      }),
      languages: languagesOf(id).map((x) => copy(x, {})),
      cost_options: costsOf(id).map((x) => copy(x, {})),
      attributes: attributes(id),
    });
  });

  // 提供機関 without a service in the package are imported on their own.
  const organizations = tables.organization.filter((o) => !used.has(o)).map((o) => ({ value: copy(o, { phones: phonesOfOrg(String(o.id ?? '')).map((p) => copy(p, {})) }), origin: origin.get(o)! }));
  // Any other row nobody refers to would be lost: report it (taxonomies and unused terms are vocabulary).
  const standalone: ReadonlySet<TabularTable> = new Set(['organization', 'taxonomy', 'taxonomy_term']);
  for (const [name, rows] of Object.entries(tables) as Array<[TabularTable, Obj[]]>) {
    if (standalone.has(name)) continue;
    for (const row of rows) {
      if (used.has(row)) continue;
      const o = origin.get(row)!;
      problems.push({ file: o.file, row: o.row, message: '参照先（service_id・location_id・link_id など）がパッケージの中に見つからないため、取り込めません。' });
    }
  }

  const originOf: OriginOf = (index, path) => {
    let node: unknown = services[index];
    let found = node && typeof node === 'object' ? origin.get(node) : undefined;
    for (const key of path) {
      if (!node || typeof node !== 'object') break;
      node = (node as Record<string | number, unknown>)[key];
      if (node && typeof node === 'object') found = origin.get(node) ?? found;
    }
    return found;
  };
  return { services, organizations, originOf, problems, ignoredFiles: [...new Set(ignoredFiles)].sort() };
}
