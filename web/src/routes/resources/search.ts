/** Search params of the 地域資源 list (kept in the URL so a filtered list can be shared and reloaded). */
import { type ListFilter, STATUSES, type ServiceStatus } from './api';

const text = (value: unknown): string | undefined => {
  const v = typeof value === 'number' ? String(value) : value;
  return typeof v === 'string' && v.trim() ? v : undefined;
};

/** /resources?q=&termId=&areaId=&status=&stale=true&page= */
export function validateResourceSearch(search: Record<string, unknown>): ListFilter {
  const q = text(search.q);
  const termId = text(search.termId);
  const areaId = text(search.areaId);
  const status = STATUSES.find((s) => s === search.status) as ServiceStatus | undefined;
  const stale = search.stale === true || search.stale === 'true';
  const page = typeof search.page === 'number' && Number.isInteger(search.page) && search.page > 1 ? search.page : undefined;
  return { ...(q ? { q } : {}), ...(termId ? { termId } : {}), ...(areaId ? { areaId } : {}), ...(status ? { status } : {}), ...(stale ? { stale } : {}), ...(page ? { page } : {}) };
}
