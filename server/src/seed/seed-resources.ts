/**
 * デモ市's 地域資源 directory: about 25 services across the Kasane taxonomy in the three 圏域 —
 * 就労体験 with 受入枠 (one with a waiting list), 子ども食堂, サロン, 居場所, 通いの場 … — with
 * weekly and monthly schedules, ages, fees and languages. A few were last checked more than 12
 * months ago (or never), so 要再確認 shows. Inserted in a handful of batched statements.
 */
import type { DbHandle } from '../platform/db/database.js';
import { ensureDefaultTaxonomy, KASANE_TAXONOMY } from '../resources/default-taxonomy.js';
import { type Area, LANGUAGE_NAMES, ORGS, PLACES, SERVICES } from './seed-resources-data.js';

const dayBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);

export async function seedResources(db: DbHandle, o: { municipalityId: string; areaIds: ReadonlyMap<string, string>; now: Date; makeId: () => string }): Promise<void> {
  const mid = o.municipalityId;
  const m = { municipality_id: mid };
  await ensureDefaultTaxonomy(db, mid, { makeId: o.makeId, now: o.now });
  const terms = await db.selectFrom('resource_taxonomy_term').select(['term_id', 'code']).where('municipality_id', '=', mid).where('taxonomy', '=', KASANE_TAXONOMY).execute();
  const termId = new Map(terms.map((t) => [t.code, t.term_id]));
  const area = (a: Area) => o.areaIds.get(a) ?? null;

  const orgIds = new Map(Object.keys(ORGS).map((k) => [k, o.makeId()]));
  await db
    .insertInto('resource_organization')
    .values(
      Object.entries(ORGS).map(([k, v]) => ({
        ...m,
        organization_id: orgIds.get(k)!,
        name: v.name,
        description: v.description,
        phone: v.phone,
        website: v.website ?? null,
        created_at: o.now,
        updated_at: o.now,
      })),
    )
    .execute();
  const placeIds = new Map(Object.keys(PLACES).map((k) => [k, o.makeId()]));
  await db
    .insertInto('resource_location')
    .values(
      Object.entries(PLACES).map(([k, p]) => ({
        ...m,
        organization_id: orgIds.get(p.org)!,
        location_id: placeIds.get(k)!,
        name: p.name,
        address: p.address,
        postal_code: p.postal,
        area_id: area(p.area),
        created_at: o.now,
        updated_at: o.now,
      })),
    )
    .execute();

  const rows = SERVICES.map((s) => ({ s, id: o.makeId() }));
  await db
    .insertInto('resource_service')
    .values(
      rows.map(({ s, id }) => ({
        ...m,
        service_id: id,
        organization_id: orgIds.get(s.org)!,
        name: s.name,
        description: s.description,
        phone: ORGS[s.org]!.phone,
        status: s.status ?? 'active',
        application_process: s.application ?? null,
        eligibility_description: s.eligibility ?? null,
        fees_description: s.fee?.map(([opt, yen]) => `${opt}: ${yen === 0 ? '無料' : `${yen}円`}`).join('、') ?? null,
        minimum_age: s.min ?? null,
        maximum_age: s.max ?? null,
        capacity: s.capacity ?? null,
        waitlist_count: s.waitlist ?? null,
        assured_date: s.assured === null ? null : dayBefore(o.now, s.assured),
        assured_by: s.assured === null ? null : '訪問 つなぐ',
        last_modified: o.now,
        created_at: o.now,
        updated_at: o.now,
      })),
    )
    .execute();
  const service = (id: string) => ({ ...m, service_id: id });
  await db
    .insertInto('resource_service_term')
    .values(rows.flatMap(({ s, id }) => s.terms.map((code) => ({ ...service(id), term_id: termId.get(code)! }))))
    .execute();
  const links = rows.flatMap(({ s, id }) => (s.place ? [{ ...service(id), service_at_location_id: o.makeId(), location_id: placeIds.get(s.place)! }] : []));
  await db.insertInto('resource_service_at_location').values(links).execute();
  const schedules = rows.flatMap(({ s, id }) =>
    s.schedules.map(([freq, byday, opens, closes]) => ({
      ...service(id),
      schedule_id: o.makeId(),
      location_id: s.place ? placeIds.get(s.place)! : null,
      freq,
      byday,
      opens_at: opens,
      closes_at: closes,
    })),
  );
  await db.insertInto('resource_schedule').values(schedules).execute();
  const areaNames = new Map((await db.selectFrom('municipal_area').select(['area_id', 'name']).where('municipality_id', '=', mid).execute()).map((a) => [a.area_id, a.name]));
  const areas = rows.flatMap(({ s, id }) => {
    const codes = s.areas ?? (s.place ? [PLACES[s.place]!.area] : []);
    return codes.map((c) => ({ ...service(id), service_area_id: o.makeId(), area_id: area(c), name: areaNames.get(area(c) ?? '') ?? c }));
  });
  await db.insertInto('resource_service_area').values(areas).execute();
  const languages = rows.flatMap(({ s, id }) => (s.languages ?? ['ja']).map((code) => ({ ...service(id), language_id: o.makeId(), code, name: LANGUAGE_NAMES[code] ?? code })));
  await db.insertInto('resource_language').values(languages).execute();
  const costs = rows.flatMap(({ s, id }) => (s.fee ?? []).map(([option, amount]) => ({ ...service(id), cost_option_id: o.makeId(), option, amount })));
  await db.insertInto('resource_cost_option').values(costs).execute();
}
