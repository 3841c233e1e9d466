/** The fields of a 協力事業者 as entered, checked against the directory and the vocabulary. */
import type { Ctx } from '../platform/context.js';
import { AppError } from '../platform/http/errors.js';
import { loadVocabulary } from './candidates.repo.js';
import type { NeedCode, Weekday } from './participation-codes.js';

export interface HostFieldsInput {
  name: string;
  organizationId?: string | null | undefined;
  areaId?: string | null | undefined;
  address?: string | null | undefined;
  contactName?: string | null | undefined;
  contactPhone?: string | null | undefined;
  contactEmail?: string | null | undefined;
  offerCodes?: string[] | undefined;
  offerDescription?: string | undefined;
  accommodationCodes?: NeedCode[] | undefined;
  availableDays?: Weekday[] | undefined;
  opensAt?: string | null | undefined;
  closesAt?: string | null | undefined;
  minimumAge?: number | null | undefined;
  maximumAge?: number | null | undefined;
  capacity?: number | null | undefined;
}

const text = (s: string | null | undefined) => s?.trim() || null;

export async function checkedHostFields(tx: Ctx, input: HostFieldsInput) {
  const mid = tx.actor.municipalityId;
  const vocab = await loadVocabulary(tx.db, mid);
  const fields: Array<{ path: string; message: string }> = [];
  if (!input.name.trim()) fields.push({ path: 'name', message: '事業者名を入力してください。' });
  const offerCodes = [...new Set(input.offerCodes ?? [])];
  if (offerCodes.some((c) => !vocab.wishes.some((w) => w.code === c))) fields.push({ path: 'offerCodes', message: '受け入れできる活動は一覧から選んでください。' });
  if (input.areaId && !vocab.areas.some((a) => a.id === input.areaId)) fields.push({ path: 'areaId', message: '圏域は一覧から選んでください。' });
  if (input.organizationId) {
    const org = await tx.db.selectFrom('resource_organization').select('organization_id').where('municipality_id', '=', mid).where('organization_id', '=', input.organizationId).executeTakeFirst();
    if (!org) fields.push({ path: 'organizationId', message: '地域資源の団体が見つかりません。' });
  }
  if (input.opensAt && input.closesAt && input.opensAt >= input.closesAt) fields.push({ path: 'closesAt', message: '終わりの時刻は始まりより後にしてください。' });
  const min = input.minimumAge ?? null;
  const max = input.maximumAge ?? null;
  if (min !== null && max !== null && min > max) fields.push({ path: 'maximumAge', message: '年齢の上限は下限以上にしてください。' });
  if (fields.length > 0) throw new AppError('invalid', { fields });
  return {
    name: input.name.trim(),
    organization_id: input.organizationId ?? null,
    area_id: input.areaId ?? null,
    address: text(input.address),
    contact_name: text(input.contactName),
    contact_phone: text(input.contactPhone),
    contact_email: text(input.contactEmail),
    offer_codes: offerCodes,
    offer_description: input.offerDescription?.trim() ?? '',
    accommodation_codes: [...new Set(input.accommodationCodes ?? [])],
    available_days: [...new Set(input.availableDays ?? [])],
    opens_at: input.opensAt ?? null,
    closes_at: input.closesAt ?? null,
    minimum_age: min,
    maximum_age: max,
    capacity: input.capacity ?? null,
  };
}
