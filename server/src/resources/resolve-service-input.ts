/**
 * The staff form's service → a ServiceWrite: checks every reference (提供機関, 分類, 圏域, 場所)
 * against the municipality's directory and keeps the ids of nested rows the service already has,
 * so HSDS consumers see stable ids across edits.
 */
import type { DbHandle } from '../platform/db/database.js';
import { newId } from '../platform/db/ids.js';
import { AppError } from '../platform/http/errors.js';
import { canonicalPostalCode } from './directory-rules.js';
import type { ServiceRecord } from './resource-records.js';
import { type FieldProblem, type ServiceInput, serviceProblems } from './resource-input.js';
import type { ServiceWrite } from './service-writer.js';

export function invalidFields(fields: FieldProblem[], message?: string): AppError {
  return new AppError('invalid', { fields }, message);
}

export async function resolveServiceInput(db: DbHandle, mid: string, serviceId: string, input: ServiceInput, existing: ServiceRecord | null): Promise<ServiceWrite> {
  const problems = serviceProblems(input);
  const org = await db.selectFrom('resource_organization').select('organization_id').where('municipality_id', '=', mid).where('organization_id', '=', input.organizationId).executeTakeFirst();
  if (!org) problems.push({ path: 'organizationId', message: '提供機関が見つかりません。一覧から選んでください。' });

  if (input.termIds.length > 0) {
    const terms = await db.selectFrom('resource_taxonomy_term').select('term_id').where('municipality_id', '=', mid).where('term_id', 'in', input.termIds).execute();
    const known = new Set(terms.map((t) => t.term_id));
    input.termIds.forEach((id, i) => {
      if (!known.has(id)) problems.push({ path: `termIds.${i}`, message: '分類が見つかりません。' });
    });
  }

  const areaRows = await db.selectFrom('municipal_area').select(['area_id', 'name']).where('municipality_id', '=', mid).execute();
  const areas = new Map(areaRows.map((a) => [a.area_id, a.name]));
  input.serviceAreas.forEach((a, i) => {
    if (a.areaId !== null && !areas.has(a.areaId)) problems.push({ path: `serviceAreas.${i}.areaId`, message: '圏域が見つかりません。' });
  });
  input.locations.forEach((l, i) => {
    if (l.areaId !== null && !areas.has(l.areaId)) problems.push({ path: `locations.${i}.areaId`, message: '圏域が見つかりません。' });
  });

  const givenLocationIds = input.locations.flatMap((l) => (l.id ? [l.id] : []));
  const knownLocations =
    givenLocationIds.length === 0
      ? new Set<string>()
      : new Set((await db.selectFrom('resource_location').select('location_id').where('municipality_id', '=', mid).where('location_id', 'in', givenLocationIds).execute()).map((r) => r.location_id));
  input.locations.forEach((l, i) => {
    if (l.id && !knownLocations.has(l.id)) problems.push({ path: `locations.${i}.id`, message: '場所が見つかりません。' });
  });
  const scheduleLocations = new Set(givenLocationIds);
  input.schedules.forEach((s, i) => {
    if (s.locationId && !scheduleLocations.has(s.locationId)) problems.push({ path: `schedules.${i}.locationId`, message: 'スケジュールの場所は、この地域資源の場所から選んでください。' });
  });
  if (problems.length > 0) throw invalidFields(problems);

  // Nested rows keep their id when the service already has it; anything else gets a new one.
  const keep = (ids: readonly string[]) => {
    const own = new Set(ids);
    return (id: string | null | undefined) => {
      if (!id || !own.has(id)) return newId();
      own.delete(id); // a second row sending the same id gets a new one
      return id;
    };
  };
  const scheduleId = keep(existing?.schedules.map((s) => s.id) ?? []);
  const areaId = keep(existing?.serviceAreas.map((a) => a.id) ?? []);
  const languageId = keep(existing?.languages.map((l) => l.id) ?? []);
  const costId = keep(existing?.costOptions.map((c) => c.id) ?? []);
  const linkByLocation = new Map(existing?.locations.map((l) => [l.location.id, l]) ?? []);

  return {
    id: serviceId,
    organizationId: input.organizationId,
    name: input.name,
    alternateName: input.alternateName,
    description: input.description,
    url: input.url,
    email: input.email,
    phone: input.phone,
    status: input.status,
    applicationProcess: input.applicationProcess,
    feesDescription: input.feesDescription,
    eligibilityDescription: input.eligibilityDescription,
    minimumAge: input.minimumAge,
    maximumAge: input.maximumAge,
    capacity: input.capacity,
    waitlistCount: input.waitlistCount,
    termIds: input.termIds,
    schedules: input.schedules.map((s) => ({
      id: scheduleId(s.id),
      locationId: s.locationId ?? null,
      freq: s.freq,
      interval: s.interval,
      byday: s.byday,
      bymonthday: s.bymonthday,
      opensAt: s.opensAt,
      closesAt: s.closesAt,
      validFrom: s.validFrom,
      validTo: s.validTo,
      description: s.description,
    })),
    serviceAreas: input.serviceAreas.map((a) => ({ id: areaId(a.id), areaId: a.areaId, name: a.name ?? (a.areaId ? (areas.get(a.areaId) ?? '') : ''), description: a.description })),
    languages: input.languages.map((l) => ({ id: languageId(l.id), code: l.code, name: l.name, note: l.note })),
    costOptions: input.costOptions.map((c) => ({ id: costId(c.id), option: c.option, amount: c.amount, currency: 'JPY', amountDescription: c.amountDescription })),
    locations: input.locations.map((l) => {
      const id = l.id ?? newId();
      const link = linkByLocation.get(id);
      return {
        serviceAtLocationId: link?.id ?? newId(),
        description: link?.description ?? null,
        locationId: id,
        location: {
          id,
          organizationId: input.organizationId,
          locationType: l.locationType,
          name: l.name,
          description: l.description,
          address: l.address,
          postalCode: l.postalCode === null ? null : canonicalPostalCode(l.postalCode),
          areaId: l.areaId,
          latitude: l.latitude,
          longitude: l.longitude,
          accessibility: l.accessibility,
        },
      };
    }),
  };
}
