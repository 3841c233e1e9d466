/** The 地域資源 form's values (text the person types, choices they tick) ↔ the API's service fields. */
import type { Location, Service, ServiceFields, ServiceStatus } from './api';

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export const ORDINALS = ['1', '2', '3', '4', '5', '-1'] as const;
export const LANGUAGE_CODES = ['ja', 'ja-x-easy', 'en', 'zh', 'ko', 'vi', 'pt', 'tl', 'ne'] as const;

export interface ScheduleValues {
  key: string;
  id?: string;
  locationId: string | null;
  freq: 'WEEKLY' | 'MONTHLY';
  days: string[];
  ordinals: string[];
  /** A MONTHLY BYDAY the pickers cannot show (e.g. 1MO,3TH): edited as text. */
  custom: string | null;
  monthDays: string;
  opensAt: string;
  closesAt: string;
  description: string;
  validFrom: string | null;
  validTo: string | null;
}
export interface LocationValues {
  key: string;
  id?: string;
  locationType: Location['locationType'];
  name: string;
  address: string;
  postalCode: string;
  areaId: string;
  accessibility: string;
  description: string;
  latitude: number | null;
  longitude: number | null;
}
export interface CostValues {
  key: string;
  id?: string;
  option: string;
  amount: number | '';
  amountDescription: string;
}
export interface FormValues {
  organizationId: string;
  name: string;
  alternateName: string;
  description: string;
  url: string;
  email: string;
  phone: string;
  status: ServiceStatus;
  applicationProcess: string;
  feesDescription: string;
  eligibilityDescription: string;
  minimumAge: number | '';
  maximumAge: number | '';
  capacity: number | '';
  waitlistCount: number | '';
  termIds: string[];
  areaIds: string[];
  languageCodes: string[];
  /** Languages the check boxes do not list, kept as they are. */
  otherLanguages: Array<{ id?: string; code: string; name: string; note?: string | null }>;
  schedules: ScheduleValues[];
  locations: LocationValues[];
  costs: CostValues[];
}

let counter = 0;
export const newKey = () => `k${++counter}`;
const text = (s: string) => (s.trim() === '' ? null : s.trim());
const num = (n: number | '') => (n === '' ? null : n);

export const emptySchedule = (): ScheduleValues => ({
  key: newKey(),
  locationId: null,
  freq: 'WEEKLY',
  days: [],
  ordinals: [],
  custom: null,
  monthDays: '',
  opensAt: '',
  closesAt: '',
  description: '',
  validFrom: null,
  validTo: null,
});
export const emptyLocation = (): LocationValues => ({
  key: newKey(),
  locationType: 'physical',
  name: '',
  address: '',
  postalCode: '',
  areaId: '',
  accessibility: '',
  description: '',
  latitude: null,
  longitude: null,
});
export const emptyCost = (): CostValues => ({ key: newKey(), option: '', amount: '', amountDescription: '' });

/** MONTHLY BYDAY as ordinals × weekdays, when it is one (2SA,4SA → 第2・第4 × 土). */
function splitMonthly(byday: string): { ordinals: string[]; days: string[] } | null {
  const parts = byday.split(',').map((p) => /^(-1|[1-5])(MO|TU|WE|TH|FR|SA|SU)$/.exec(p));
  if (parts.some((p) => !p)) return null;
  const ordinals = [...new Set(parts.map((p) => p![1]!))];
  const days = [...new Set(parts.map((p) => p![2]!))];
  return ordinals.length * days.length === parts.length ? { ordinals, days } : null;
}

export function toValues(s: Service | null, defaultOrganizationId: string): FormValues {
  const codes = new Set<string>(LANGUAGE_CODES);
  return {
    organizationId: s?.organization.id ?? defaultOrganizationId,
    name: s?.name ?? '',
    alternateName: s?.alternateName ?? '',
    description: s?.description ?? '',
    url: s?.url ?? '',
    email: s?.email ?? '',
    phone: s?.phone ?? '',
    status: s?.status ?? 'active',
    applicationProcess: s?.applicationProcess ?? '',
    feesDescription: s?.feesDescription ?? '',
    eligibilityDescription: s?.eligibilityDescription ?? '',
    minimumAge: s?.minimumAge ?? '',
    maximumAge: s?.maximumAge ?? '',
    capacity: s?.capacity ?? '',
    waitlistCount: s?.waitlistCount ?? '',
    termIds: s?.terms.map((t) => t.id) ?? [],
    areaIds: s?.serviceAreas.flatMap((a) => (a.areaId ? [a.areaId] : [])) ?? [],
    languageCodes: s ? s.languages.filter((l) => codes.has(l.code)).map((l) => l.code) : ['ja'],
    otherLanguages: s?.languages.filter((l) => !codes.has(l.code)) ?? [],
    schedules: (s?.schedules ?? []).map((x) => {
      const monthly = x.freq === 'MONTHLY' && x.byday ? splitMonthly(x.byday) : null;
      return {
        key: newKey(),
        id: x.id,
        locationId: x.locationId ?? null,
        freq: x.freq ?? 'WEEKLY',
        days: x.freq === 'MONTHLY' ? (monthly?.days ?? []) : (x.byday?.split(',') ?? []),
        ordinals: monthly?.ordinals ?? [],
        custom: x.freq === 'MONTHLY' && x.byday && !monthly ? x.byday : null,
        monthDays: x.bymonthday ?? '',
        opensAt: x.opensAt ?? '',
        closesAt: x.closesAt ?? '',
        description: x.description ?? '',
        validFrom: x.validFrom ?? null,
        validTo: x.validTo ?? null,
      };
    }),
    locations: (s?.locations ?? []).map((l) => ({
      key: newKey(),
      id: l.id,
      locationType: l.locationType,
      name: l.name ?? '',
      address: l.address ?? '',
      postalCode: l.postalCode ?? '',
      areaId: l.areaId ?? '',
      accessibility: l.accessibility ?? '',
      description: l.description ?? '',
      latitude: l.latitude,
      longitude: l.longitude,
    })),
    costs: (s?.costOptions ?? []).map((c) => ({ key: newKey(), id: c.id, option: c.option ?? '', amount: c.amount ?? '', amountDescription: c.amountDescription ?? '' })),
  };
}

function byday(s: ScheduleValues): string | null {
  const days = WEEKDAYS.filter((d) => s.days.includes(d));
  if (s.freq === 'WEEKLY') return days.join(',') || null;
  if (s.custom !== null) return s.custom.trim() || null;
  const ordinals = ORDINALS.filter((o) => s.ordinals.includes(o));
  return ordinals.flatMap((o) => days.map((d) => `${o}${d}`)).join(',') || null;
}

export function toBody(v: FormValues, s: Service | null, languageNames: Record<string, string>): ServiceFields {
  const existingAreas = new Map(s?.serviceAreas.map((a) => [a.areaId, a]) ?? []);
  const existingLanguages = new Map(s?.languages.map((l) => [l.code, l]) ?? []);
  return {
    organizationId: v.organizationId,
    name: v.name.trim(),
    alternateName: text(v.alternateName),
    description: v.description.trim(),
    url: text(v.url),
    email: text(v.email),
    phone: text(v.phone),
    status: v.status,
    applicationProcess: text(v.applicationProcess),
    feesDescription: text(v.feesDescription),
    eligibilityDescription: text(v.eligibilityDescription),
    minimumAge: num(v.minimumAge),
    maximumAge: num(v.maximumAge),
    capacity: num(v.capacity),
    waitlistCount: num(v.waitlistCount),
    termIds: v.termIds,
    serviceAreas: [
      ...v.areaIds.map((areaId) => ({ id: existingAreas.get(areaId)?.id, areaId })),
      // 提供地域 named without a 圏域 (imported) stay as they are.
      ...(s?.serviceAreas.filter((a) => a.areaId === null).map((a) => ({ id: a.id, areaId: null, name: a.name, description: a.description })) ?? []),
    ],
    languages: [
      ...LANGUAGE_CODES.filter((c) => v.languageCodes.includes(c)).map((code) => ({
        id: existingLanguages.get(code)?.id,
        code,
        name: existingLanguages.get(code)?.name ?? languageNames[code] ?? code,
        note: existingLanguages.get(code)?.note ?? null,
      })),
      ...v.otherLanguages,
    ],
    costOptions: v.costs.map((c) => ({ id: c.id, option: text(c.option), amount: num(c.amount), amountDescription: text(c.amountDescription) })),
    schedules: v.schedules.map((x) => ({
      id: x.id,
      locationId: x.locationId,
      freq: x.freq,
      byday: byday(x),
      bymonthday: x.freq === 'MONTHLY' ? text(x.monthDays) : null,
      opensAt: text(x.opensAt),
      closesAt: text(x.closesAt),
      validFrom: x.validFrom,
      validTo: x.validTo,
      description: text(x.description),
    })),
    locations: v.locations.map((l) => ({
      id: l.id,
      locationType: l.locationType,
      name: text(l.name),
      description: text(l.description),
      address: text(l.address),
      postalCode: text(l.postalCode),
      areaId: l.areaId || null,
      latitude: l.latitude,
      longitude: l.longitude,
      accessibility: text(l.accessibility),
    })),
  };
}
