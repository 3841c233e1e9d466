/**
 * Requests of the authorisation sweep: a minimal, syntactically valid request for an operation,
 * generated from its OpenAPI schema (required fields only, first enum member, today for dates),
 * with the fixture's id wherever the operation names a protected record.
 */
import { newId } from '../../src/platform/db/ids.js';
import type { Operation } from '../fuzz/fuzz-cases.js';
import type { Schema } from '../fuzz/hostile-values.js';
import { MARKERS } from './sweep-fixtures.js';
import { REFERENCE_FIELDS, referenceFields, type TargetKind } from './sweep-plan.js';

/** The id to put where a reference field (personId, householdId, …) of the given kind goes. */
export type Refs = Partial<Record<TargetKind, string>>;

const today = () => new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);

function minimalString(schema: Schema, name?: string): string {
  if (schema.format === 'uuid') return newId();
  // Dates typed as text (和暦 or 西暦) are plain strings in the schema: named *On / *Date.
  if (schema.format === 'date' || (name !== undefined && /(On|Date)$/.test(name))) return today();
  if (schema.format === 'date-time') return new Date().toISOString();
  if (schema.pattern === '^([01]\\d|2[0-3]):[0-5]\\d$') return '10:00';
  return 'x'.repeat(Math.max(schema.minLength ?? 1, 1));
}

/** A minimal valid value: required properties only, reference fields set from `refs`. */
export function minimalValue(schema: Schema, refs: Refs, depth = 0, name?: string): unknown {
  const ref = name !== undefined ? REFERENCE_FIELDS[name] : undefined;
  if (ref && refs[ref]) return refs[ref];
  if (depth > 6) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const options = schema.anyOf ?? schema.oneOf;
  if (options) {
    const nonNull = options.find((o) => o.type !== 'null');
    return minimalValue(nonNull ?? options[0]!, refs, depth + 1, name);
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string':
      return minimalString(schema, name);
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, 1);
    case 'boolean':
      return false;
    case 'array': {
      const n = Math.max(schema.minItems ?? 0, referenceFields(schema.items).some((k) => refs[k]) ? 1 : 0);
      return Array.from({ length: n }, () => minimalValue(schema.items ?? { type: 'string' }, refs, depth + 1));
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, prop] of Object.entries(schema.properties ?? {})) {
        const names = REFERENCE_FIELDS[key] ? [REFERENCE_FIELDS[key]!] : referenceFields(prop);
        if ((schema.required ?? []).includes(key) || names.some((k) => refs[k])) out[key] = minimalValue(prop, refs, depth + 1, key);
      }
      return out;
    }
    default:
      return null;
  }
}

export interface SweepRequest {
  method: string;
  url: string;
  body?: unknown;
}

/**
 * The request for one operation. `target` fills the operation's first path parameter (the protected
 * record); other path parameters get plain valid values (version 1, a fresh uuid).
 */
export function buildRequest(op: Operation, target: string | undefined, refs: Refs): SweepRequest {
  let first = true;
  const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const schema = op.pathParams.find((p) => p.name === name)?.schema ?? { type: 'string' };
    const value = first && target !== undefined ? target : String(minimalValue(schema, {}, 0));
    first = false;
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const q of op.query) {
    const ref = REFERENCE_FIELDS[q.name];
    if (ref && refs[ref]) search.append(q.name, refs[ref]!);
    else if (q.name === 'q' || q.name === 'search') search.append(q.name, MARKERS[0]);
    else if (q.required) search.append(q.name, String(minimalValue(q.schema, refs)));
  }
  const qs = search.toString();
  const withBody = op.method !== 'GET' && op.method !== 'DELETE';
  return { method: op.method, url: qs ? `${url}?${qs}` : url, ...(withBody ? { body: op.body ? minimalValue(op.body, refs) : {} } : {}) };
}
