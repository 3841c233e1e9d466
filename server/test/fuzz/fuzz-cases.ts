/**
 * Requests the OpenAPI fuzzer sends, generated per operation with fast-check.
 *
 * Phase "rejected": every mutation is invalid by construction (malformed or wrong-typed body, missing
 * field, huge string, a path id that is not a uuid or names no record of the caller's municipality,
 * no session, no CSRF header), so the server must refuse it and the database must not change. Reads
 * of any kind are mixed in (they may succeed; a read changes nothing but the audit trail).
 * Phase "hostile": bodies with the right shape carrying hostile text and real ids; they may succeed.
 */
import fc from 'fast-check';
import { HOSTILE_STRINGS, HUGE_ASCII, type IdPools, MALFORMED_JSON, type Schema, shapedValue, WRONG_ROOTS, wrongTypeValue } from './hostile-values.js';

export interface Operation {
  method: string;
  path: string;
  /** Routes anyone may call without a session (sign-in, the public consultation form, HSDS). */
  open: boolean;
  pathParams: Array<{ name: string; schema: Schema }>;
  query: Array<{ name: string; schema: Schema; required: boolean }>;
  body: Schema | undefined;
}

export interface FuzzCase {
  op: Operation;
  strategy: string;
  role: string;
  csrf: boolean;
  url: string;
  payload?: string;
  contentType?: string;
}

export const ANONYMOUS = 'anonymous';

interface OpenApi {
  paths: Record<string, Record<string, { parameters?: Array<{ in: string; name: string; required?: boolean; schema: Schema }>; requestBody?: { content: Record<string, { schema: Schema }> } }>>;
}

export function operationsOf(doc: OpenApi): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = op.parameters ?? [];
      ops.push({
        method: method.toUpperCase(),
        path,
        open: path === '/api/v1/auth/login' || path.startsWith('/api/public/') || path.startsWith('/hsds'),
        pathParams: params.filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: p.schema })),
        query: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema, required: p.required === true })),
        body: op.requestBody?.content['application/json']?.schema,
      });
    }
  }
  return ops;
}

/** Operations that would end or change the fuzzer's own sign-in; signed-in users never send them valid-shaped. */
export const SELF_DESTRUCTIVE = new Set([
  'POST /api/v1/auth/logout',
  'POST /api/v1/auth/totp',
  'POST /api/v1/auth/totp/enroll/start',
  'POST /api/v1/auth/totp/enroll/confirm',
  'POST /api/v1/me/password',
  'POST /api/v1/me/totp/disable',
]);

const key = (op: Operation) => `${op.method} ${op.path}`;
const isUuid = (s: Schema) => s.format === 'uuid';

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return JSON.stringify(value);
}

/** A path segment sent as it is, not percent-encoded (broken escapes such as `%E0%A4%A`). */
export class RawSegment {
  constructor(readonly value: string) {}
}

/** Lone surrogates cannot be sent in a URL; a browser sends U+FFFD for them, and so do we. */
const wellFormed = (s: string) => s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

function buildUrl(op: Operation, params: Record<string, unknown>, query: Record<string, unknown>): string {
  const segment = (v: unknown) => (v instanceof RawSegment ? v.value : encodeURIComponent(wellFormed(text(v))));
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => segment(params[name]));
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) search.append(name, text(v));
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Hostile strings that are not uuids, for a path segment that must be one. */
const notUuid: fc.Arbitrary<string | RawSegment> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s !== '' && !/^[0-9a-f-]{36}$/i.test(s)), 'not-a-uuid', '12345', `${'1'.repeat(36)}`),
  fc.constantFrom(new RawSegment('%E0%A4%A'), new RawSegment('%'), new RawSegment('..%2F..%2Fadmin'), new RawSegment('%F0%9F%98')),
);

function paramsArb(op: Operation, pools: IdPools, allowOwn: boolean) {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const p of op.pathParams) model[p.name] = shapedValue(p.schema, pools, allowOwn);
  return fc.record(model);
}

function queryArb(op: Operation, pools: IdPools, allowOwn: boolean) {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const q of op.query) model[q.name] = q.required ? shapedValue(q.schema, pools, allowOwn) : fc.option(shapedValue(q.schema, pools, allowOwn), { nil: undefined });
  return fc.record(model);
}

const bodyArb = (op: Operation, pools: IdPools, allowOwn: boolean) => (op.body ? shapedValue(op.body, pools, allowOwn).map((b) => JSON.stringify(b)) : fc.constant(undefined));

function make(op: Operation, strategy: string, role: string, csrf: boolean, params: Record<string, unknown>, query: Record<string, unknown>, payload: string | undefined, contentType?: string): FuzzCase {
  return { op, strategy, role, csrf, url: buildUrl(op, params, query), ...(payload !== undefined ? { payload, contentType: contentType ?? 'application/json' } : {}) };
}

/** Body mutations that no schema accepts. */
function invalidBodies(op: Operation, pools: IdPools): Array<[string, fc.Arbitrary<{ payload: string; contentType?: string }>]> {
  const body = op.body!;
  const shaped = shapedValue(body, pools, true) as fc.Arbitrary<Record<string, unknown>>;
  const out: Array<[string, fc.Arbitrary<{ payload: string; contentType?: string }>]> = [
    ['wrong-root', fc.constantFrom(...WRONG_ROOTS).map((v) => ({ payload: JSON.stringify(v) }))],
    ['malformed-json', fc.constantFrom(...MALFORMED_JSON).map((payload) => ({ payload }))],
    ['wrong-content-type', shaped.map((v) => ({ payload: JSON.stringify(v), contentType: 'text/plain' }))],
  ];
  const props = Object.entries(body.properties ?? {});
  const wrongTyped = props.flatMap(([name, schema]) => {
    const wrong = wrongTypeValue(schema);
    return wrong ? [fc.tuple(fc.constant(name), wrong)] : [];
  });
  if (wrongTyped.length > 0) {
    out.push(['wrong-type-field', fc.tuple(shaped, fc.oneof(...wrongTyped)).map(([v, [name, bad]]) => ({ payload: JSON.stringify({ ...v, [name]: bad }) }))]);
  }
  const required = (body.required ?? []).filter((r) => body.properties?.[r]);
  if (required.length > 0) {
    out.push([
      'missing-required',
      fc.tuple(shaped, fc.constantFrom(...required), fc.dictionary(fc.constantFrom('extra', 'municipalityId', 'isAdmin', '$where'), fc.constantFrom('x', 1, true))).map(([v, drop, extra]) => {
        const { [drop]: _dropped, ...rest } = v;
        return { payload: JSON.stringify({ ...rest, ...extra }) };
      }),
    ]);
  }
  const bounded = props.filter(([, s]) => (s.type === 'string' || s.anyOf?.some((o) => o.type === 'string')) && !s.enum).filter(([, s]) => (s.maxLength ?? s.anyOf?.find((o) => o.maxLength)?.maxLength ?? Infinity) < 100_000);
  if (bounded.length > 0) {
    out.push(['huge-string', fc.tuple(shaped, fc.constantFrom(...bounded.map(([n]) => n))).map(([v, name]) => ({ payload: JSON.stringify({ ...v, [name]: HUGE_ASCII }) }))]);
  }
  return out;
}

/** Phase "rejected": reads of any kind, and mutations that must be refused. Empty when nothing about the operation can be made invalid. */
export function rejectedCases(op: Operation, pools: IdPools, roles: string[], runs: number, seed: number): FuzzCase[] {
  const signedIn = fc.constantFrom(...roles);
  const anyRole = fc.constantFrom(ANONYMOUS, ...roles);
  if (op.method === 'GET') {
    const arb = fc.tuple(anyRole, paramsArb(op, pools, true), queryArb(op, pools, true)).map(([role, p, q]) => make(op, 'read', role, true, p, q, undefined));
    return fc.sample(arb, { seed, numRuns: runs });
  }
  const strategies: fc.Arbitrary<FuzzCase>[] = [];
  const params = paramsArb(op, pools, true);
  const query = queryArb(op, pools, true);
  const body = bodyArb(op, pools, true);
  if (!op.open) {
    strategies.push(fc.tuple(params, query, body).map(([p, q, b]) => make(op, 'no-session', ANONYMOUS, false, p, q, b)));
    strategies.push(fc.tuple(signedIn, params, query, body).map(([role, p, q, b]) => make(op, 'no-csrf', role, false, p, q, b)));
  }
  const callers = op.open ? fc.constant(ANONYMOUS) : signedIn;
  if (op.body) {
    for (const [strategy, invalid] of invalidBodies(op, pools)) {
      strategies.push(fc.tuple(callers, params, query, invalid).map(([role, p, q, b]) => make(op, strategy, role, true, p, q, b.payload, b.contentType)));
    }
  }
  const ids = op.pathParams.filter((p) => isUuid(p.schema));
  if (ids.length > 0) {
    const badParams = fc.tuple(params, fc.constantFrom(...ids.map((p) => p.name)), notUuid).map(([p, name, bad]) => ({ ...p, [name]: bad }));
    strategies.push(fc.tuple(callers, badParams, query, body).map(([role, p, q, b]) => make(op, 'bad-path-id', role, true, p, q, b)));
    // Every uuid in the path names no record of the caller's municipality: random, nil, or another municipality's.
    const unknown = fc.tuple(paramsArb(op, { ...pools, own: [] }, false), fc.record(Object.fromEntries(ids.map((p) => [p.name, shapedValue({ format: 'uuid', type: 'string' }, { ...pools, own: [] }, false)]))));
    strategies.push(fc.tuple(callers, unknown, queryArb(op, pools, false), bodyArb(op, pools, false)).map(([role, [p, u], q, b]) => make(op, 'unknown-id', role, true, { ...p, ...u }, q, b)));
  }
  if (strategies.length === 0) return [];
  return fc.sample(fc.oneof(...strategies), { seed, numRuns: runs });
}

/** Phase "hostile": well-shaped requests with hostile text and real ids, by signed-in users (and anyone on open routes). */
export function hostileCases(op: Operation, pools: IdPools, roles: string[], runs: number, seed: number): FuzzCase[] {
  const destructive = SELF_DESTRUCTIVE.has(key(op));
  const role = destructive ? fc.constant(ANONYMOUS) : op.open ? fc.constantFrom(ANONYMOUS, ANONYMOUS, ...roles) : fc.constantFrom(...roles);
  const arb = fc
    .tuple(role, paramsArb(op, pools, true), queryArb(op, pools, true), bodyArb(op, pools, true))
    .map(([r, p, q, b]) => make(op, 'hostile-shaped', r, true, p, q, op.method === 'GET' ? undefined : (b ?? (op.method === 'DELETE' ? undefined : '{}'))));
  return fc.sample(arb, { seed, numRuns: runs });
}
