/**
 * The Japanese taxonomy every municipality's 地域資源 directory starts with (taxonomy 'kasane-ja'),
 * and the Kasane extension vocabulary ('kasane-ext') that carries what HSDS 3.0 has no field for
 * (受入枠, 待機人数, 確認者, 圏域) as HSDS attributes.
 *
 * CONTRACT: the codes of KASANE_TAXONOMY are what 参加支援 matches a person's wishes against.
 * Never rename or remove one; add new codes at the end.
 */
import { v5 } from 'uuid';
import type { DbHandle } from '../platform/db/database.js';
import { newId } from '../platform/db/ids.js';

export const KASANE_TAXONOMY = 'kasane-ja';
export const KASANE_EXT_TAXONOMY = 'kasane-ext';

export interface DefaultTerm {
  code: string;
  name: string;
  description: string;
}

export const DEFAULT_TERMS: readonly DefaultTerm[] = [
  { code: 'ibasho', name: '居場所', description: '誰でも立ち寄って過ごせる場所。ひきこもりや孤立の状態にある人の居場所を含む。' },
  { code: 'salon', name: 'サロン', description: 'ふれあい・いきいきサロンなど、住民が運営する交流の場。' },
  { code: 'kayoinoba', name: '通いの場', description: '介護予防の体操や趣味活動など、住民が定期的に集まる場。' },
  { code: 'kodomo_shokudo', name: '子ども食堂', description: '子どもや親子、地域の人が無料または低額で食事をとれる場。' },
  { code: 'work_experience', name: '就労体験', description: '就労に向けた体験・職場実習・中間的就労の受け入れ。' },
  { code: 'volunteer', name: 'ボランティア', description: 'ボランティア活動の受け入れ・紹介。' },
  { code: 'learning_support', name: '学習支援', description: '子どもの学習支援や学び直しの場。' },
  { code: 'housing_support', name: '居住支援', description: '住まい探し、入居・居住継続の支援（居住支援法人など）。' },
  { code: 'mimamori', name: '見守り', description: '訪問・声かけ・安否確認などの見守り活動。' },
  { code: 'consultation_desk', name: '相談窓口', description: '暮らしや福祉についての相談を受ける窓口。' },
  { code: 'food_bank', name: 'フードバンク', description: '食品の無償提供・フードパントリー。' },
  { code: 'childcare_support', name: '子育て支援', description: '子育てひろば、一時預かり、子育て相談など。' },
  { code: 'meal_delivery', name: '配食', description: '高齢者などへの配食サービス・会食。' },
  { code: 'mobility_support', name: '移動支援', description: '通院・買い物などの移動の支援、住民による送迎。' },
  { code: 'peer_support', name: 'ピアサポート', description: '当事者・家族の会など、同じ経験をもつ人どうしの支え合い。' },
];

/** Fixed namespace of Kasane's derived identifiers (taxonomy ids, extension terms, HSDS sub-records). */
export const KASANE_UUID_NAMESPACE = '3b5f0c5e-8f3a-4b9e-9a51-6c1f7e0d2a44';

/** Stable id of a taxonomy by its name (Kasane stores taxonomies by name on each term). */
export function taxonomyIdOf(taxonomy: string): string {
  return v5(`taxonomy:${taxonomy}`, KASANE_UUID_NAMESPACE);
}

/** Stable id derived from a record id and a role ('phone', 'address', 'attr:…'): HSDS wants ids on sub-records Kasane keeps as columns. */
export function derivedId(recordId: string, role: string): string {
  return v5(`${recordId}:${role}`, KASANE_UUID_NAMESPACE);
}

export type ExtCode = 'capacity' | 'waitlist_count' | 'assured_by' | 'area';

/** The Kasane extension terms: values of HSDS attributes (link to a service, location or service area). */
export const EXT_TERMS: Readonly<Record<ExtCode, { id: string; code: ExtCode; name: string; description: string }>> = {
  capacity: { id: v5('kasane-ext:capacity', KASANE_UUID_NAMESPACE), code: 'capacity', name: '受入枠', description: '受け入れられる人数（整数）。HSDS 3.0 に項目がないため属性で表す。' },
  waitlist_count: { id: v5('kasane-ext:waitlist_count', KASANE_UUID_NAMESPACE), code: 'waitlist_count', name: '待機人数', description: '受け入れを待っている人数（整数）。' },
  assured_by: { id: v5('kasane-ext:assured_by', KASANE_UUID_NAMESPACE), code: 'assured_by', name: '確認者', description: '最終確認日に内容を確認した人（assurer_email がメールアドレスでないとき）。' },
  area: { id: v5('kasane-ext:area', KASANE_UUID_NAMESPACE), code: 'area', name: '圏域', description: '市町村が定める圏域のコード（所在地・提供地域）。' },
};

export const TAXONOMY_DESCRIPTIONS: Readonly<Record<string, string>> = {
  [KASANE_TAXONOMY]: 'Kasane 地域資源分類（重層的支援体制整備事業の参加支援・地域づくりで使う分類）',
  [KASANE_EXT_TAXONOMY]: 'Kasane 拡張属性（HSDS 3.0 に項目のない受入枠・待機人数・確認者・圏域）',
};

/**
 * Inserts the default terms a municipality lacks (by code); existing terms, including a
 * municipality's own edits of their names, stay as they are. Safe to run at every start.
 */
export async function ensureDefaultTaxonomy(db: DbHandle, municipalityId: string, options: { makeId?: () => string; now?: Date } = {}): Promise<void> {
  const existing = await db.selectFrom('resource_taxonomy_term').select('code').where('municipality_id', '=', municipalityId).where('taxonomy', '=', KASANE_TAXONOMY).execute();
  const have = new Set(existing.map((r) => r.code));
  const missing = DEFAULT_TERMS.filter((t) => !have.has(t.code));
  if (missing.length === 0) return;
  const now = options.now ?? new Date();
  const makeId = options.makeId ?? newId;
  await db
    .insertInto('resource_taxonomy_term')
    .values(
      missing.map((t) => ({ municipality_id: municipalityId, term_id: makeId(), taxonomy: KASANE_TAXONOMY, code: t.code, name: t.name, description: t.description, created_at: now, updated_at: now })),
    )
    .onConflict((oc) => oc.columns(['municipality_id', 'taxonomy', 'code']).doNothing())
    .execute();
}
