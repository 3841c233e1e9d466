/** Search params of the つなぐ pages (validated by the router). */
import type { ReferralBox, ReferralFilter } from './api';

const text = (value: unknown): string | undefined => {
  const v = typeof value === 'number' ? String(value) : value;
  return typeof v === 'string' && v.trim() ? v : undefined;
};

/** /referral?box=inbox|outbox&status=open|closed|all */
export function validateListSearch(search: Record<string, unknown>): { box?: ReferralBox; status?: ReferralFilter } {
  const box = search.box === 'inbox' || search.box === 'outbox' ? search.box : undefined;
  const status = search.status === 'open' || search.status === 'closed' || search.status === 'all' ? search.status : undefined;
  return { ...(box ? { box } : {}), ...(status ? { status } : {}) };
}

/** /referral/new?personId=&householdId=&consultationId= (who the referral is about). */
export function validateNewSearch(search: Record<string, unknown>): {
  personId?: string;
  householdId?: string;
  consultationId?: string;
} {
  const personId = text(search.personId);
  const householdId = text(search.householdId);
  const consultationId = text(search.consultationId);
  return {
    ...(personId ? { personId } : {}),
    ...(householdId ? { householdId } : {}),
    ...(consultationId ? { consultationId } : {}),
  };
}
