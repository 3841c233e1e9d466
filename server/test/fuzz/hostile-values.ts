/**
 * Hostile and invalid values for the OpenAPI fuzzer, built with fast-check from the JSON schemas the
 * API publishes: injection strings, unicode edge cases, huge strings, wrong types, and values that
 * have the right shape but carry hostile text.
 */
import fc from 'fast-check';

/** The subset of JSON Schema that fastify-type-provider-zod emits for Kasane's routes. */
export interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  additionalProperties?: boolean | Schema;
  default?: unknown;
}

/** 100 000 characters: ASCII (fits the body limit) and kanji (300 KB of UTF-8, over it). */
export const HUGE_ASCII = 'a'.repeat(100_000);
export const HUGE_KANJI = '𠮷'.repeat(50_000) + '漢'.repeat(50_000);

export const HOSTILE_STRINGS: readonly string[] = [
  // SQL injection and LIKE wildcards
  "' OR '1'='1",
  "'; DROP TABLE person; --",
  "1' UNION SELECT password_hash, login_name FROM app_user --",
  "'); SELECT pg_sleep(5); --",
  '" OR ""="',
  '%',
  '_',
  '%_%\\',
  '\\',
  "E'\\x00'",
  '$1',
  // HTML / script / template injection and path traversal
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}\u0024{7*7}',
  '../../../../etc/passwd',
  '%00%2e%2e%2f',
  '=CMD|" /C calc"!A0',
  // unicode edge cases
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  'x\ud83d',
  '\u202eمرحبا\u202c',
  'שלום עולם',
  '\u200b',
  '\u200d\u200c\u2060',
  '\ufeff',
  '𠮷野家',
  '👨‍👩‍👧‍👦🏳️‍🌈',
  '髙橋 齋藤 邊',
  'ｶﾀｶﾅ ﾃﾞｽ',
  '①②㍻㈱',
  '\u3000',
  'e\u0301\u0301\u0301',
  '\n\r\t\v\f',
  '\u001b[31m',
  // look-alike literals
  '',
  ' ',
  'null',
  'undefined',
  'true',
  '0',
  '-1',
  'NaN',
  'Infinity',
  '1e309',
  '9999-99-99',
  '2026-02-30',
  '0000-00-00',
  '令和99年13月40日',
  '__proto__',
  'constructor',
  '00000000-0000-0000-0000-000000000000',
];

/** Bodies that are not valid JSON (or are rejected by the safe JSON parser), sent as application/json. */
export const MALFORMED_JSON: readonly string[] = [
  '{',
  '{"a":}',
  "{'a':1}",
  '{"a":1}}',
  '[1,2',
  'NaN',
  '\u0000',
  '{"a":"\\ud800',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '',
  '<xml/>',
];

/** Roots of the wrong type for an object body. */
export const WRONG_ROOTS: readonly unknown[] = [42, 'text', [], [{}], true, null, 1.5];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom(HUGE_ASCII, HUGE_KANJI) },
);

/** Integers and numbers at and beyond the edges. */
const edgeNumber = fc.constantFrom(-1, 0, 1.5, -0.0001, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, Number.MAX_VALUE, 1e308);

function types(schema: Schema): string[] {
  if (schema.type) return Array.isArray(schema.type) ? schema.type : [schema.type];
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return options.flatMap(types);
  if (schema.enum) return [...new Set(schema.enum.map((v) => (v === null ? 'null' : typeof v)))];
  return [];
}

/** A value of a JSON type the schema does not allow (undefined when the schema allows anything). */
export function wrongTypeValue(schema: Schema): fc.Arbitrary<unknown> | undefined {
  const allowed = new Set(types(schema));
  if (allowed.size === 0) return undefined;
  const candidates: unknown[] = [];
  if (!allowed.has('object')) candidates.push({ nested: { deeper: ["' OR 1=1 --"] } });
  if (!allowed.has('array')) candidates.push(['<script>alert(1)</script>', 1]);
  if (!allowed.has('boolean')) candidates.push(true);
  if (!allowed.has('number') && !allowed.has('integer')) candidates.push(12345);
  if (allowed.has('integer') && !allowed.has('number')) candidates.push(1.5);
  if (!allowed.has('string')) candidates.push('文字列');
  if (schema.enum && !schema.enum.includes('not-a-member')) candidates.push('not-a-member');
  return candidates.length > 0 ? fc.constantFrom(...candidates) : undefined;
}

/** Ids to put where a uuid goes: real ids of this and other municipalities, random and special uuids. */
export interface IdPools {
  own: string[];
  foreign: string[];
}

function uuidValue(pools: IdPools, allowOwn: boolean): fc.Arbitrary<string> {
  const options: fc.Arbitrary<string>[] = [fc.uuid(), fc.constantFrom('00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff')];
  if (pools.foreign.length > 0) options.push(fc.constantFrom(...pools.foreign));
  if (allowOwn && pools.own.length > 0) options.push(fc.constantFrom(...pools.own), fc.constantFrom(...pools.own));
  return fc.oneof(...options);
}

const isoDate = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

function stringValue(schema: Schema, pools: IdPools, allowOwn: boolean): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return fc.oneof({ weight: 9, arbitrary: uuidValue(pools, allowOwn) }, { weight: 1, arbitrary: hostileString });
  if (schema.format === 'date') return fc.oneof({ weight: 3, arbitrary: isoDate }, { weight: 1, arbitrary: hostileString });
  if (schema.format === 'date-time') return fc.oneof({ weight: 3, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()) }, { weight: 1, arbitrary: hostileString });
  return hostileString;
}

/**
 * A value with the shape the schema describes (types, required fields, enums mostly respected) whose
 * text is hostile. `allowOwn` lets uuids be real ids of the signed-in user's municipality (records
 * that exist, so the request may succeed); without it ids never name a record the caller could change.
 */
export function shapedValue(schema: Schema, pools: IdPools, allowOwn: boolean, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 5) return fc.constant(null);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...schema.enum) }, { weight: 1, arbitrary: hostileString });
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return fc.oneof(...options.map((o) => shapedValue(o, pools, allowOwn, depth + 1)));
  const ts = types(schema);
  if (ts.length > 1) return fc.oneof(...ts.map((type) => shapedValue({ ...schema, type }, pools, allowOwn, depth + 1)));
  switch (ts[0]) {
    case 'string':
      return stringValue(schema, pools, allowOwn);
    case 'integer': {
      const min = Math.max(schema.minimum ?? -1000, -1_000_000);
      const max = Math.min(schema.maximum ?? 1000, 1_000_000);
      return fc.oneof({ weight: 4, arbitrary: fc.integer({ min, max }) }, { weight: 1, arbitrary: edgeNumber });
    }
    case 'number':
      return fc.oneof(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), edgeNumber);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(schema.items ? shapedValue(schema.items, pools, allowOwn, depth + 1) : hostileString, { maxLength: Math.min(schema.maxItems ?? 3, 3) });
    case 'object': {
      const props = schema.properties ?? {};
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, prop] of Object.entries(props)) model[key] = shapedValue(prop, pools, allowOwn, depth + 1);
      const required = (schema.required ?? []).filter((k) => k in props);
      return fc.record(model, { requiredKeys: required });
    }
    default:
      return fc.oneof(hostileString, fc.constant(null), fc.constant({ a: '<b>' }));
  }
}
