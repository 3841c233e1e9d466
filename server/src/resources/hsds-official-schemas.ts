/**
 * Test support: validators for the OFFICIAL HSDS 3.0 JSON schemas, read at test time from
 * /work/shared/specs/hsds-3.0 (../shared/specs/hsds-3.0 next to the repository; never copied into
 * it). The schemas carry Frictionless keywords
 * (constraints, core, datapackage_type …) that Ajv does not know, hence strict: false.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The official schemas: KASANE_HSDS_SPEC_DIR, else ../shared next to the repository, else the workplace's /work/shared. */
export const HSDS_SPEC_DIR =
  process.env.KASANE_HSDS_SPEC_DIR ??
  [path.resolve(REPO_ROOT, '../shared/specs/hsds-3.0'), '/work/shared/specs/hsds-3.0'].find((dir) => existsSync(path.join(dir, 'compiled/service.json'))) ??
  path.resolve(REPO_ROOT, '../shared/specs/hsds-3.0');

export function readSpec(relative: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(HSDS_SPEC_DIR, relative), 'utf8')) as Record<string, unknown>;
}

export interface Validator {
  (data: unknown): boolean;
  errors?: unknown;
}

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
addFormats(ajv);
const cache = new Map<string, Validator>();
let referencedLoaded = false;

/**
 * Some schemas (compiled/tabular.json, the top-level table schemas) refer to others by file name
 * ("$ref": "funding.json"): register every top-level schema under its file name once.
 */
function loadReferenced() {
  if (referencedLoaded) return;
  for (const name of readdirSync(HSDS_SPEC_DIR).filter((f) => f.endsWith('.json') && f !== 'openapi.json')) ajv.addSchema(readSpec(name), name);
  referencedLoaded = true;
}

/** A validator for one official schema file, e.g. 'compiled/service.json'. */
export function officialValidator(relative: string): Validator {
  let v = cache.get(relative);
  if (!v) {
    loadReferenced();
    v = ajv.compile(readSpec(relative)) as Validator;
    cache.set(relative, v);
  }
  return v;
}

/** Validates and returns a readable list of problems (empty when valid). */
export function problemsAgainst(relative: string, data: unknown): string[] {
  const validate = officialValidator(relative);
  if (validate(data)) return [];
  return ((validate.errors ?? []) as Array<{ instancePath: string; message?: string }>).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

/** The non-array columns of one table of compiled/tabular.json, in the schema's order. */
export function tabularColumns(table: string): string[] {
  const tabular = readSpec('compiled/tabular.json') as { properties: Record<string, { items: { properties: Record<string, { type?: string }> } }> };
  const props = tabular.properties[table]?.items.properties ?? {};
  return Object.entries(props)
    .filter(([, p]) => p.type !== 'array' && p.type !== 'object')
    .map(([k]) => k);
}
