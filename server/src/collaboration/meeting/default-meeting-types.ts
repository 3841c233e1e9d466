/**
 * The meeting types every municipality starts with (DOMAIN.md §4). Meeting types are configuration:
 * legal basis, who convenes, member agencies, consent rule and closure are data, not code. A
 * municipality copies the generic type for 要保護児童対策地域協議会, 困窮法9条支援会議, 地域ケア会議 ….
 */
import type { DbHandle } from '../../platform/db/database.js';
import { newId } from '../../platform/db/ids.js';

export const SHIEN_KAIGI = 'shien_kaigi';
export const JUSOU_SHIEN_KAIGI = 'jusou_shien_kaigi';
export const GENERIC_MEETING = 'generic';

export interface MeetingTypeDefaults {
  code: string;
  name: string;
  legalBasis: string;
  convenedBy: string;
  consentRequired: boolean;
  closedToPublic: boolean;
}

export const DEFAULT_MEETING_TYPES: readonly MeetingTypeDefaults[] = [
  // 支援会議: 本人同意なしで情報共有できる。構成員には罰則付きの守秘義務（法106条の6第6項）。非公開。
  { code: SHIEN_KAIGI, name: '支援会議', legalBasis: '社会福祉法第106条の6', convenedBy: '市町村', consentRequired: false, closedToPublic: true },
  // 重層的支援会議: 本人同意のあるケースだけ。多機関協働事業者が招集する。
  {
    code: JUSOU_SHIEN_KAIGI,
    name: '重層的支援会議',
    legalBasis: '重層的支援体制整備事業実施要綱（市町村実施要綱）',
    convenedBy: '多機関協働事業者',
    consentRequired: true,
    closedToPublic: true,
  },
  // 汎用: コピーして根拠法令・招集者・同意の要否を設定して使う。
  { code: GENERIC_MEETING, name: '汎用（コピーして使う）', legalBasis: '（コピー後に根拠法令を設定）', convenedBy: '構成機関', consentRequired: true, closedToPublic: true },
];

/**
 * Inserts the default meeting types a municipality does not have yet (by code); existing ones are
 * left as the municipality configured them. `memberAgencyIds` sets the member agencies of a new type;
 * `makeId` lets the demo seed keep its ids deterministic.
 */
export async function ensureDefaultMeetingTypes(db: DbHandle, municipalityId: string, options: { memberAgencyIds?: Partial<Record<string, string[]>>; now?: Date; makeId?: () => string } = {}): Promise<void> {
  const existing = await db.selectFrom('meeting_type').select('code').where('municipality_id', '=', municipalityId).execute();
  const have = new Set(existing.map((r) => r.code));
  const now = options.now ?? new Date();
  const missing = DEFAULT_MEETING_TYPES.filter((t) => !have.has(t.code));
  if (missing.length === 0) return;
  await db
    .insertInto('meeting_type')
    .values(
      missing.map((t) => ({
        municipality_id: municipalityId,
        meeting_type_id: (options.makeId ?? newId)(),
        code: t.code,
        name: t.name,
        legal_basis: t.legalBasis,
        convened_by: t.convenedBy,
        member_agency_ids: options.memberAgencyIds?.[t.code] ?? [],
        consent_required: t.consentRequired,
        closed_to_public: t.closedToPublic,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
}
