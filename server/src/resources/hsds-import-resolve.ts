/**
 * Parsed HSDS services → what to write (pure, given a snapshot of the directory): organizations to
 * upsert, taxonomy terms to add, services as ServiceWrite. Every problem becomes a row error with
 * the path inside the service object and a Japanese message; the import writes nothing when there
 * is any. Upserts are by id; a term from another system whose (taxonomy, code) Kasane already has
 * maps to Kasane's term.
 */
import { canonicalList, canonicalPostalCode, SCHEDULE_MESSAGES, scheduleProblems, timeInJapan } from './directory-rules.js';
import { EXT_TERMS, type ExtCode, KASANE_EXT_TAXONOMY } from './default-taxonomy.js';
import type { ImportAttribute, ImportLocation, ImportOrganization, ImportService } from './hsds-import-schema.js';
import type { LocationWrite, ServiceWrite } from './service-writer.js';

export type ChildKind = 'schedule' | 'service_area' | 'language' | 'cost_option' | 'service_at_location';
const CHILD_LABELS: Readonly<Record<ChildKind, string>> = { schedule: 'スケジュール', service_area: '提供地域', language: '言語', cost_option: '費用', service_at_location: '実施場所' };

export interface DirectorySnapshot {
  organizationIds: ReadonlySet<string>;
  serviceIds: ReadonlySet<string>;
  locationIds: ReadonlySet<string>;
  termIds: ReadonlySet<string>;
  /** `${taxonomy}\u0000${code}` → term id. */
  termIdByKey: ReadonlyMap<string, string>;
  areaIdByCode: ReadonlyMap<string, string>;
  areaIdByName: ReadonlyMap<string, string>;
  /** Nested rows that exist, by kind: id → the service that has them. */
  childOwners: Readonly<Record<ChildKind, ReadonlyMap<string, string>>>;
}

export interface RowError {
  index: number;
  id: string | null;
  path: (string | number)[];
  message: string;
}

export interface NewTerm {
  id: string;
  taxonomy: string;
  code: string;
  name: string;
  description: string;
  parentId: string | null;
}

export interface ResolvedImport {
  organizations: ImportOrganization[];
  terms: NewTerm[];
  services: Array<{ write: ServiceWrite; exists: boolean }>;
  errors: RowError[];
}

const termKey = (taxonomy: string, code: string) => `${taxonomy}\u0000${code}`;
const EXT_BY_ID = new Map(Object.values(EXT_TERMS).map((t) => [t.id, t.code]));

export function resolveImport(rows: ReadonlyArray<{ index: number; service: ImportService }>, snap: DirectorySnapshot, standaloneOrganizations: readonly ImportOrganization[] = []): ResolvedImport {
  const errors: RowError[] = [];
  const organizations = new Map<string, ImportOrganization>(standaloneOrganizations.map((o) => [o.id, o]));
  const locations = new Map<string, ImportLocation>();
  for (const { service } of rows) {
    if (service.organization && !organizations.has(service.organization.id)) organizations.set(service.organization.id, service.organization);
    for (const sal of service.service_at_locations) if (sal.location && !locations.has(sal.location.id)) locations.set(sal.location.id, sal.location);
  }
  const terms = new Map<string, NewTerm>();
  const keyToId = new Map(snap.termIdByKey);
  const seenChildren: Record<ChildKind, Map<string, number>> = { schedule: new Map(), service_area: new Map(), language: new Map(), cost_option: new Map(), service_at_location: new Map() };
  const services: ResolvedImport['services'] = [];
  const seenServices = new Set<string>();

  for (const { index, service: s } of rows) {
    const err = (path: (string | number)[], message: string): null => {
      errors.push({ index, id: s.id, path, message });
      return null;
    };
    if (seenServices.has(s.id)) err(['id'], `サービスの id ${s.id} がファイル内で重複しています。`);
    seenServices.add(s.id);

    const child = (kind: ChildKind, id: string, path: (string | number)[]) => {
      const owner = snap.childOwners[kind].get(id);
      if (seenChildren[kind].has(id)) err(path, `${CHILD_LABELS[kind]}の id ${id} がファイル内で重複しています。`);
      else if (owner !== undefined && owner !== s.id) err(path, `${CHILD_LABELS[kind]}の id ${id} は別のサービスで使われています。`);
      seenChildren[kind].set(id, index);
      return id;
    };

    /** Classification term id, or an extension value, or an error. */
    const attribute = (a: ImportAttribute, path: (string | number)[]): { term: string } | { ext: ExtCode; value: string } | null => {
      const id = a.taxonomy_term_id ?? a.taxonomy_term?.id;
      if (!id) return err(path, '属性には taxonomy_term_id か taxonomy_term が必要です。');
      if (a.taxonomy_term_id && a.taxonomy_term && a.taxonomy_term_id !== a.taxonomy_term.id) return err([...path, 'taxonomy_term', 'id'], 'taxonomy_term_id と taxonomy_term.id が一致しません。');
      const t = a.taxonomy_term;
      const extCode = EXT_BY_ID.get(id) ?? (t?.taxonomy === KASANE_EXT_TAXONOMY && t.code && t.code in EXT_TERMS ? (t.code as ExtCode) : undefined);
      if (extCode) return a.value === null || a.value === '' ? err([...path, 'value'], `${EXT_TERMS[extCode].name}（${extCode}）の値（value）が必要です。`) : { ext: extCode, value: a.value };
      if (snap.termIds.has(id) || terms.has(id)) return { term: id };
      if (!t) return err([...path, 'taxonomy_term_id'], `分類 ${id} が見つかりません。taxonomy_term を含めてください。`);
      const taxonomy = t.taxonomy ?? t.taxonomy_detail?.name ?? 'imported';
      const code = t.code ?? t.id;
      const known = keyToId.get(termKey(taxonomy, code));
      if (known) return { term: known };
      terms.set(id, { id, taxonomy, code, name: t.name, description: t.description ?? '', parentId: t.parent_id ?? null });
      keyToId.set(termKey(taxonomy, code), id);
      return { term: id };
    };

    /** 圏域 from the Kasane 'area' attribute of a location or service area (other attributes there are not kept). */
    const areaOf = (attrs: readonly ImportAttribute[], path: (string | number)[]): string | null | undefined => {
      let areaId: string | null | undefined;
      attrs.forEach((a, i) => {
        const id = a.taxonomy_term_id ?? a.taxonomy_term?.id;
        const isArea = (id && EXT_BY_ID.get(id) === 'area') || (a.taxonomy_term?.taxonomy === KASANE_EXT_TAXONOMY && a.taxonomy_term.code === 'area');
        if (!isArea) return;
        const r = attribute(a, [...path, i]);
        if (r && 'ext' in r && r.ext === 'area') {
          areaId = snap.areaIdByCode.get(r.value) ?? null;
          if (areaId === null) err([...path, i, 'value'], `圏域コード「${r.value}」はこの市町村にありません。`);
        }
      });
      return areaId;
    };

    // 提供機関
    const orgId = s.organization?.id ?? s.organization_id ?? null;
    if (s.organization && s.organization_id && s.organization.id !== s.organization_id) err(['organization_id'], 'organization_id と organization.id が一致しません。');
    if (!orgId) err(['organization'], '提供機関（organization または organization_id）が必要です。');
    else if (!organizations.has(orgId) && !snap.organizationIds.has(orgId)) err(['organization_id'], `提供機関 ${orgId} が見つかりません。organization を含めてください。`);

    // 分類と拡張属性
    const termIds: string[] = [];
    let capacity: number | null = null;
    let waitlist: number | null = null;
    let assuredBy: string | null = null;
    s.attributes.forEach((a, i) => {
      const r = attribute(a, ['attributes', i]);
      if (!r) return;
      if ('term' in r) {
        if (!termIds.includes(r.term)) termIds.push(r.term);
      } else if (r.ext === 'capacity' || r.ext === 'waitlist_count') {
        const n = /^\d{1,6}$/.test(r.value) ? Number(r.value) : null;
        if (n === null) err(['attributes', i, 'value'], `${EXT_TERMS[r.ext].name}（${r.ext}）は0以上の整数にしてください。`);
        else if (r.ext === 'capacity') capacity = n;
        else waitlist = n;
      } else if (r.ext === 'assured_by') assuredBy = r.value;
    });
    if (s.minimum_age !== null && s.maximum_age !== null && s.minimum_age > s.maximum_age) err(['maximum_age'], '対象年齢の上限（maximum_age）は下限以上にしてください。');

    // 実施場所
    const linked = new Map<string, string>();
    const locationRows = s.service_at_locations.flatMap((sal, i): ServiceWrite['locations'] => {
      const path = ['service_at_locations', i];
      child('service_at_location', sal.id, [...path, 'id']);
      if (sal.location && sal.location_id && sal.location.id !== sal.location_id) err([...path, 'location_id'], 'location_id と location.id が一致しません。');
      const locationId = sal.location?.id ?? sal.location_id;
      if (!locationId) {
        err([...path, 'location'], '実施場所には location か location_id が必要です。');
        return [];
      }
      if (linked.has(locationId)) err([...path, 'location_id'], '同じ場所が重複しています。');
      linked.set(locationId, sal.id);
      const l = locations.get(locationId);
      if (!l) {
        if (!snap.locationIds.has(locationId)) err([...path, 'location_id'], `場所 ${locationId} が見つかりません。location を含めてください。`);
        return [{ serviceAtLocationId: sal.id, description: sal.description, locationId, location: null }];
      }
      const lpath = [...path, 'location'];
      const address = l.addresses[0];
      const postal = address?.postal_code ? canonicalPostalCode(address.postal_code) : null;
      if (address?.postal_code && postal === null) err([...lpath, 'addresses', 0, 'postal_code'], '郵便番号は 123-4567 の形にしてください。');
      const locOrg = l.organization_id ?? orgId;
      if (l.organization_id && !organizations.has(l.organization_id) && !snap.organizationIds.has(l.organization_id))
        err([...lpath, 'organization_id'], `提供機関 ${l.organization_id} が見つかりません。`);
      const location: LocationWrite = {
        id: l.id,
        organizationId: locOrg,
        locationType: l.location_type ?? 'physical',
        name: l.name,
        description: l.description,
        address: address ? [address.address_1, address.address_2].filter(Boolean).join(' ') || null : null,
        postalCode: postal,
        areaId: areaOf(l.attributes, [...lpath, 'attributes']) ?? null,
        latitude: l.latitude ?? null,
        longitude: l.longitude ?? null,
        accessibility: l.accessibility.flatMap((x) => (x.description ? [x.description] : [])).join('\n') || null,
      };
      return [{ serviceAtLocationId: sal.id, description: sal.description, locationId, location }];
    });

    // スケジュール
    const schedules = s.schedules.map((x, i) => {
      const path = ['schedules', i];
      child('schedule', x.id, [...path, 'id']);
      const time = (v: string | null, field: 'opens_at' | 'closes_at') => {
        if (v === null) return null;
        const zoned = x.timezone !== null && x.timezone !== undefined && !/(Z|[+-]\d\d:?\d\d)$/i.test(v) ? `${v}${x.timezone < 0 ? '-' : '+'}${String(Math.abs(x.timezone)).padStart(2, '0')}:00` : v;
        const t = timeInJapan(zoned);
        if (t === null) err([...path, field], SCHEDULE_MESSAGES.time);
        return t;
      };
      const locationId = x.location_id ?? (x.service_at_location_id ? ([...linked].find(([, salId]) => salId === x.service_at_location_id)?.[0] ?? null) : null);
      if (locationId && !linked.has(locationId)) err([...path, 'location_id'], 'スケジュールの場所は、このサービスの実施場所にしてください。');
      const row = {
        freq: x.freq ?? null,
        byday: canonicalList(x.byday),
        bymonthday: canonicalList(x.bymonthday),
        opensAt: time(x.opens_at, 'opens_at'),
        closesAt: time(x.closes_at, 'closes_at'),
        validFrom: x.valid_from,
        validTo: x.valid_to,
      };
      if (row.freq) {
        const field = { byday: 'byday', bymonthday: 'bymonthday', opensAt: 'opens_at', closesAt: 'closes_at', validTo: 'valid_to', validFrom: 'valid_from', freq: 'freq' } as const;
        for (const p of scheduleProblems({ ...row, freq: row.freq })) err([...path, field[p.field]], p.message);
      } else if (row.byday || row.bymonthday) err([...path, 'freq'], '曜日・日にちを指定するときは freq（WEEKLY か MONTHLY）も指定してください。');
      return { id: x.id, locationId: locationId ?? null, interval: x.interval ?? 1, ...row, description: x.description };
    });

    const serviceAreas = s.service_areas.map((a, i) => {
      const path = ['service_areas', i];
      child('service_area', a.id, [...path, 'id']);
      const areaId = areaOf(a.attributes, [...path, 'attributes']) ?? (a.name ? (snap.areaIdByName.get(a.name) ?? null) : null);
      const name = a.name ?? [...snap.areaIdByName].find(([, id]) => id === areaId)?.[0] ?? null;
      if (!name) err([...path, 'name'], '提供地域の名称（name）が必要です。');
      return { id: a.id, areaId, name: name ?? '', description: a.description };
    });
    const languages = s.languages.map((l, i) => {
      child('language', l.id, ['languages', i, 'id']);
      if (!l.code && !l.name) err(['languages', i, 'name'], '言語の名称（name）かコード（code）が必要です。');
      return { id: l.id, code: l.code ?? '', name: l.name ?? l.code ?? '', note: l.note };
    });
    const costOptions = s.cost_options.map((c, i) => {
      child('cost_option', c.id, ['cost_options', i, 'id']);
      if (c.currency && c.currency.toUpperCase() !== 'JPY') err(['cost_options', i, 'currency'], '通貨は JPY（円）だけ取り込めます。');
      return { id: c.id, option: c.option, amount: c.amount ?? null, currency: 'JPY', amountDescription: c.amount_description };
    });

    services.push({
      exists: snap.serviceIds.has(s.id),
      write: {
        id: s.id,
        organizationId: orgId ?? '',
        name: s.name,
        alternateName: s.alternate_name,
        description: s.description ?? '',
        url: s.url,
        email: s.email,
        phone: s.phones[0]?.number.normalize('NFKC') ?? null,
        status: s.status,
        applicationProcess: s.application_process,
        feesDescription: s.fees_description,
        eligibilityDescription: s.eligibility_description,
        minimumAge: s.minimum_age,
        maximumAge: s.maximum_age,
        capacity,
        waitlistCount: waitlist,
        assured: { date: s.assured_date, by: assuredBy ?? s.assurer_email },
        termIds,
        schedules,
        serviceAreas,
        languages,
        costOptions,
        locations: locationRows,
      },
    });
  }
  for (const t of terms.values()) {
    if (t.parentId && !snap.termIds.has(t.parentId) && !terms.has(t.parentId)) t.parentId = null;
  }
  return { organizations: [...organizations.values()], terms: [...terms.values()], services, errors };
}
