import { createHash } from 'node:crypto';

export interface HashableEvent {
  municipality_id: string;
  event_id: string;
  occurred_at: Date | string;
  actor_user_id: string | null;
  actor_login: string | null;
  action: string;
  outcome: string;
  target_type: string | null;
  target_id: string | null;
  basis: string | null;
  purpose: string | null;
  request_id: string | null;
  client_addr: string | null;
  details: unknown;
}

/** JSON with object keys sorted at every depth, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function eventHash(e: HashableEvent): string {
  const occurredAt = e.occurred_at instanceof Date ? e.occurred_at.toISOString() : new Date(e.occurred_at).toISOString();
  const fields = [
    e.municipality_id,
    e.event_id,
    occurredAt,
    e.actor_user_id,
    e.actor_login,
    e.action,
    e.outcome,
    e.target_type,
    e.target_id,
    e.basis,
    e.purpose,
    e.request_id,
    e.client_addr,
    typeof e.details === 'string' ? JSON.parse(e.details) : e.details,
  ];
  return createHash('sha256').update(canonicalJson(fields)).digest('hex');
}

/** Link i of the chain: H(previous link ‖ event hash ‖ position). */
export function chainHash(previous: string, eventDigest: string, seq: number): string {
  return createHash('sha256').update(`${previous}|${eventDigest}|${seq}`).digest('hex');
}

export const GENESIS = '0'.repeat(64);
