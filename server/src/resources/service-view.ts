/** A service as staff see it (detail and list row), with 要再確認 computed for today in Japan. */
import type { z } from 'zod';
import { can } from '../platform/access/policy.js';
import type { RecordFacts } from '../platform/access/policy.types.js';
import type { Ctx } from '../platform/context.js';
import { isoDayInJapan } from '../consultation/japanese/japanese-date.js';
import { isStale } from './directory-rules.js';
import type { ServiceRecord } from './resource-records.js';
import type { ServiceListItem, ServiceView } from './resources.schemas.js';

export type ServiceViewT = z.infer<typeof ServiceView>;
export type ServiceListItemT = z.infer<typeof ServiceListItem>;

export function directoryFacts(municipalityId: string, id?: string): RecordFacts {
  return { kind: 'directory', municipalityId, ...(id ? { id } : {}) };
}

/** Whether the actor may edit the directory (shown as canEdit; the server still checks every write). */
export function canEditDirectory(ctx: Ctx): boolean {
  return can(ctx.actor, 'update', directoryFacts(ctx.actor.municipalityId), { now: ctx.now }).allowed;
}

export function serviceView(s: ServiceRecord, today: string, canEdit: boolean): ServiceViewT {
  return {
    id: s.id,
    organization: { id: s.organization.id, name: s.organization.name },
    name: s.name,
    alternateName: s.alternateName,
    description: s.description,
    url: s.url,
    email: s.email,
    phone: s.phone,
    status: s.status,
    applicationProcess: s.applicationProcess,
    feesDescription: s.feesDescription,
    eligibilityDescription: s.eligibilityDescription,
    minimumAge: s.minimumAge,
    maximumAge: s.maximumAge,
    capacity: s.capacity,
    waitlistCount: s.waitlistCount,
    assuredDate: s.assuredDate,
    assuredBy: s.assuredBy,
    stale: isStale(s.assuredDate, today),
    lastModified: s.lastModified.toISOString(),
    version: s.version,
    terms: s.terms.map((t) => ({ id: t.id, taxonomy: t.taxonomy, code: t.code, name: t.name })),
    schedules: s.schedules,
    serviceAreas: s.serviceAreas.map((a) => ({ id: a.id, areaId: a.areaId, areaName: a.areaName, name: a.name, description: a.description })),
    languages: s.languages,
    costOptions: s.costOptions,
    locations: s.locations.map(({ id, location: l }) => ({
      id: l.id,
      serviceAtLocationId: id,
      locationType: l.locationType,
      name: l.name,
      description: l.description,
      address: l.address,
      postalCode: l.postalCode,
      areaId: l.areaId,
      areaName: l.areaName,
      latitude: l.latitude,
      longitude: l.longitude,
      accessibility: l.accessibility,
    })),
    canEdit,
  };
}

export function serviceListItem(s: ServiceRecord, today: string): ServiceListItemT {
  const areaNames = [...new Set([...s.serviceAreas.map((a) => a.areaName ?? a.name), ...s.locations.flatMap((l) => (l.location.areaName ? [l.location.areaName] : []))])];
  return {
    id: s.id,
    name: s.name,
    organizationName: s.organization.name,
    status: s.status,
    terms: s.terms.map((t) => ({ id: t.id, taxonomy: t.taxonomy, code: t.code, name: t.name })),
    areaNames,
    assuredDate: s.assuredDate,
    assuredBy: s.assuredBy,
    stale: isStale(s.assuredDate, today),
    capacity: s.capacity,
    waitlistCount: s.waitlistCount,
    lastModified: s.lastModified.toISOString(),
  };
}

export const todayOf = (ctx: { now: Date }) => isoDayInJapan(ctx.now);
