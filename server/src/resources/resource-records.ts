/**
 * The 地域資源 directory as the rest of the module sees it: a service with everything HSDS nests
 * under it. Loaded by resource.repo.ts; turned into the staff view (service-view.ts) and into HSDS
 * objects (hsds-map.ts).
 */
import type { ServiceStatus } from '../platform/db/schema-resources.js';

export interface OrganizationRecord {
  id: string;
  name: string;
  alternateName: string | null;
  description: string;
  email: string | null;
  website: string | null;
  phone: string | null;
  version: number;
  updatedAt: Date;
}

export interface TermRecord {
  id: string;
  taxonomy: string;
  code: string;
  name: string;
  description: string;
  parentId: string | null;
}

export interface AreaRef {
  areaId: string | null;
  areaCode: string | null;
  areaName: string | null;
}

export interface LocationRecord extends AreaRef {
  id: string;
  organizationId: string | null;
  locationType: 'physical' | 'postal' | 'virtual';
  name: string | null;
  description: string | null;
  address: string | null;
  postalCode: string | null;
  latitude: number | null;
  longitude: number | null;
  accessibility: string | null;
}

export interface ScheduleRecord {
  id: string;
  locationId: string | null;
  freq: 'WEEKLY' | 'MONTHLY' | null;
  interval: number;
  byday: string | null;
  bymonthday: string | null;
  /** 'HH:MM' (Japan time). */
  opensAt: string | null;
  closesAt: string | null;
  validFrom: string | null;
  validTo: string | null;
  description: string | null;
}

export interface ServiceAreaRecord extends AreaRef {
  id: string;
  name: string;
  description: string | null;
}

export interface LanguageRecord {
  id: string;
  code: string;
  name: string;
  note: string | null;
}

export interface CostOptionRecord {
  id: string;
  option: string | null;
  amount: number | null;
  currency: string;
  amountDescription: string | null;
}

export interface ServiceAtLocationRecord {
  id: string;
  description: string | null;
  location: LocationRecord;
}

export interface ServiceRecord {
  id: string;
  organizationId: string;
  name: string;
  alternateName: string | null;
  description: string;
  url: string | null;
  email: string | null;
  phone: string | null;
  status: ServiceStatus;
  applicationProcess: string | null;
  feesDescription: string | null;
  eligibilityDescription: string | null;
  minimumAge: number | null;
  maximumAge: number | null;
  capacity: number | null;
  waitlistCount: number | null;
  assuredDate: string | null;
  assuredBy: string | null;
  lastModified: Date;
  createdAt: Date;
  version: number;
  organization: OrganizationRecord;
  terms: TermRecord[];
  schedules: ScheduleRecord[];
  serviceAreas: ServiceAreaRecord[];
  languages: LanguageRecord[];
  costOptions: CostOptionRecord[];
  locations: ServiceAtLocationRecord[];
}

/** Where the directory is: what HSDS addresses need besides the one-line Japanese address. */
export interface DirectoryPlace {
  municipalityName: string;
  prefectureName: string;
}
