/**
 * Which operation of /api/openapi.json the authorisation sweep checks, and how: every operation is
 * either swept or on the commented allow-list below, and the test fails on one that is neither, so a
 * new route is swept (or consciously listed) the day it appears.
 *
 * - `record`: a path parameter names a protected record; the sweep aims it at the fixture of that kind.
 * - `reference`: no protected path id, but a query or body field names one (personId, householdId,
 *   consultationId, caseId): the sweep puts the fixture ids there.
 * - `list`: a read with no protected id at all; a refused actor's answer must not contain the markers.
 */
import type { Operation } from '../fuzz/fuzz-cases.js';
import type { Schema } from '../fuzz/hostile-values.js';
import type { Fixtures } from './sweep-fixtures.js';

export type TargetKind = keyof Fixtures;

/** Path prefixes whose first path parameter names a protected record, and the kind it names. */
const RECORD_ROUTES: Array<[RegExp, TargetKind]> = [
  [/^\/api\/v1\/persons\/\{id\}/, 'person'],
  [/^\/api\/v1\/households\/\{id\}/, 'household'],
  [/^\/api\/v1\/consultations\/\{id\}/, 'consultation'],
  [/^\/api\/v1\/cases\/\{id\}/, 'case'],
  [/^\/api\/v1\/progress-notes\/\{noteId\}/, 'progressNote'],
  [/^\/api\/v1\/plans\/\{id\}/, 'plan'],
  [/^\/api\/v1\/referrals\/\{id\}/, 'referral'],
  [/^\/api\/v1\/outreach\/leads\/\{id\}/, 'lead'],
  [/^\/api\/v1\/participation\/needs\/\{id\}/, 'need'],
  [/^\/api\/v1\/team-members\/\{id\}/, 'teamMember'],
  [/^\/api\/v1\/coordination\/\{id\}/, 'coordination'],
  [/^\/api\/v1\/case-transfers\/\{transferId\}/, 'transfer'],
  [/^\/api\/v1\/meetings\/\{id\}/, 'meeting'],
  [/^\/api\/v1\/agenda-items\/\{id\}/, 'agendaItem'],
  [/^\/api\/v1\/info-requests\/\{id\}/, 'infoRequest'],
  [/^\/api\/v1\/participation\/placements\/\{id\}/, 'placement'],
  [/^\/api\/v1\/participation\/followups\/\{id\}/, 'followup'],
];

/** Query / body fields that name a protected record, and its kind. */
export const REFERENCE_FIELDS: Readonly<Record<string, TargetKind>> = { personId: 'person', householdId: 'household', consultationId: 'consultation', caseId: 'case' };

/**
 * Operations the sweep does not send, each with the reason. Everything else is swept.
 * Public routes, the caller's own account and session, and routes that carry no personal data
 * (configuration, the resource directory, community places, aggregates, funding) are listed here;
 * mutations that only create a new record of the caller's own name no existing record to aim at.
 */
export const ALLOW_LIST: Readonly<Record<string, string>> = {
  // Public (no session): sign-in, the public consultation form, the HSDS directory API.
  'POST /api/v1/auth/login': 'public sign-in',
  'POST /api/public/consultations': 'public consultation form (creates a new record only)',
  // The caller's own session and account.
  'POST /api/v1/auth/totp': 'own sign-in step',
  'POST /api/v1/auth/totp/enroll/start': 'own account',
  'POST /api/v1/auth/totp/enroll/confirm': 'own account',
  'POST /api/v1/auth/logout': 'own session (would end the sweep actor’s sign-in)',
  'PATCH /api/v1/me/preferences': 'own account',
  'POST /api/v1/me/password': 'own account',
  'POST /api/v1/me/totp/disable': 'own account',
  // Staff administration (user_account / agency / municipal_config kinds; no personal records).
  'POST /api/v1/admin/users': 'creates a user account',
  'PATCH /api/v1/admin/users/{id}': 'user account (staff, not a personal record)',
  'POST /api/v1/admin/users/{id}/password': 'user account (staff, not a personal record)',
  'GET /api/v1/admin/users/{id}/capabilities': 'user account (staff, not a personal record)',
  'POST /api/v1/admin/agencies': 'agency configuration',
  'PATCH /api/v1/admin/agencies/{id}': 'agency configuration',
  'PUT /api/v1/admin/role-settings/{role}': 'configuration',
  'PUT /api/v1/admin/referral-settings': 'configuration',
  'PUT /api/v1/admin/public-intake-setting': 'configuration',
  'PUT /api/v1/admin/trust-stages': 'configuration',
  'POST /api/v1/audit/verify': 'audit chain check (no personal data)',
  'POST /api/v1/meeting-types': 'configuration',
  'POST /api/v1/meeting-types/{id}/copy': 'configuration',
  'PUT /api/v1/meeting-types/{id}': 'configuration',
  'GET /api/v1/assessment-question-sets/{code}/latest': 'configuration (question sets)',
  'GET /api/v1/assessment-question-sets/{code}/versions/{version}': 'configuration (question sets)',
  'POST /api/v1/assessment-question-sets/{code}/versions': 'configuration (question sets)',
  // Creating a new record of the caller's own (no existing record is named).
  'POST /api/v1/persons': 'creates a new person of the caller’s agency',
  'POST /api/v1/consultations': 'creates a new consultation (a personId in it is swept as a reference)',
  'POST /api/v1/volunteer-reports': 'a 民生委員 files a new report',
  'POST /api/v1/meetings': 'convenes a new meeting (its agenda is swept through /meetings/{id}/agenda)',
  // Resource directory (社会資源; organisations and services, no personal data).
  'POST /api/v1/resources/services': 'resource directory',
  'GET /api/v1/resources/services/{id}': 'resource directory',
  'PUT /api/v1/resources/services/{id}': 'resource directory',
  'POST /api/v1/resources/services/{id}/assure': 'resource directory',
  'POST /api/v1/resources/organizations': 'resource directory',
  'GET /api/v1/resources/organizations/{id}': 'resource directory',
  'PUT /api/v1/resources/organizations/{id}': 'resource directory',
  'GET /api/v1/resources/export/tabular/{file}': 'resource directory',
  'POST /api/v1/resources/import/hsds-json': 'resource directory',
  'POST /api/v1/resources/import/tabular': 'resource directory',
  'GET /hsds/services/{id}': 'public HSDS directory',
  'GET /hsds/organizations/{id}': 'public HSDS directory',
  'GET /hsds/taxonomies/{id}': 'public HSDS directory',
  'GET /hsds/taxonomy_terms/{id}': 'public HSDS directory',
  // 地域づくり: areas, places, activities, partners, community log (counts and places, no persons).
  'POST /api/v1/areas': 'community configuration',
  'PUT /api/v1/areas/{id}': 'community configuration',
  'POST /api/v1/community/places': 'community places',
  'GET /api/v1/community/places/{id}': 'community places',
  'PUT /api/v1/community/places/{id}': 'community places',
  'POST /api/v1/community/places/{id}/activities': 'community places',
  'PUT /api/v1/community/activities/{id}': 'community places',
  'GET /api/v1/community/activities/{id}/sessions': 'community places (attendance counts)',
  'PUT /api/v1/community/activities/{id}/sessions/{heldOn}': 'community places (attendance counts)',
  'POST /api/v1/community/partners': 'community partners (organisations)',
  'POST /api/v1/community/log': 'community log (activities, no persons)',
  'PUT /api/v1/community/log/{id}': 'community log (activities, no persons)',
  // 参加支援 協力事業者 (host organisations).
  'POST /api/v1/participation/hosts': 'host organisations',
  'GET /api/v1/participation/hosts/{id}': 'host organisations',
  'PUT /api/v1/participation/hosts/{id}': 'host organisations',
  'POST /api/v1/participation/hosts/{id}/stage': 'host organisations',
  // Aggregates, plans of the municipality, funding (suppressed counts, money; no persons).
  'POST /api/v1/exports/table': 'aggregate export',
  'POST /api/v1/analytics/plans': 'municipal plan targets',
  'PUT /api/v1/analytics/plans/{id}': 'municipal plan targets',
  'POST /api/v1/analytics/plans/{id}/indicators': 'municipal plan targets',
  'GET /api/v1/analytics/plans/{id}/targets': 'municipal plan targets',
  'PUT /api/v1/analytics/indicators/{id}/years/{fiscalYear}': 'municipal plan targets',
  'PUT /api/v1/analytics/small-cell-threshold': 'configuration',
  'POST /api/v1/funding/rates': 'funding',
  'POST /api/v1/funding/costs': 'funding',
  'PUT /api/v1/funding/costs/{id}': 'funding',
  'DELETE /api/v1/funding/costs/{id}': 'funding',
  'POST /api/v1/funding/runs': 'funding',
  'GET /api/v1/funding/runs/{id}': 'funding',
  'GET /api/v1/funding/runs/{id}/xlsx': 'funding',
};

export type Sweep = { how: 'record'; kind: TargetKind } | { how: 'reference'; kinds: TargetKind[] } | { how: 'list' } | { how: 'allowed'; reason: string } | { how: 'unclassified' };

export const opKey = (op: Operation) => `${op.method} ${op.path}`;

/** The reference fields a schema names anywhere (nested objects and array items included). */
export function referenceFields(schema: Schema | undefined, depth = 0): TargetKind[] {
  if (!schema || depth > 5) return [];
  const found: TargetKind[] = [];
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    const kind = REFERENCE_FIELDS[name];
    if (kind) found.push(kind);
    found.push(...referenceFields(prop, depth + 1));
  }
  if (schema.items) found.push(...referenceFields(schema.items, depth + 1));
  for (const o of schema.anyOf ?? schema.oneOf ?? []) found.push(...referenceFields(o, depth + 1));
  return [...new Set(found)];
}

export function classify(op: Operation): Sweep {
  const allowed = ALLOW_LIST[opKey(op)];
  if (allowed !== undefined) return { how: 'allowed', reason: allowed };
  if (op.pathParams.length > 0) {
    const match = RECORD_ROUTES.find(([re]) => re.test(op.path));
    return match ? { how: 'record', kind: match[1] } : { how: 'unclassified' };
  }
  const kinds = [...new Set([...op.query.flatMap((q) => (REFERENCE_FIELDS[q.name] ? [REFERENCE_FIELDS[q.name]!] : [])), ...referenceFields(op.body)])];
  if (kinds.length > 0) return { how: 'reference', kinds };
  if (op.method === 'GET') return { how: 'list' };
  return { how: 'unclassified' };
}
