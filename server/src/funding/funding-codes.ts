/**
 * Codes of the 重層的支援体制整備事業交付金 (DOMAIN.md §6): grant parts, silos, payers, 按分 keys,
 * and the mapping from an agency's kind to the silo its work counts for.
 */
import { AGENCY_KINDS } from '../admin/agency-kinds.js';

export const GRANT_PARTS = ['houkatsu_soudan', 'chiiki_dukuri', 'aratana_kinou'] as const;
export type GrantPart = (typeof GRANT_PARTS)[number];

export const SILOS = ['kaigo', 'shougai', 'kodomo', 'konkyu'] as const;
export type Silo = (typeof SILOS)[number];

/** 国 / 都道府県 / 市町村 / 第1号保険料 / 第2号保険料. */
export const PAYERS = ['kuni', 'todofuken', 'shichoson', 'hoken1', 'hoken2'] as const;
export type Payer = (typeof PAYERS)[number];

/** 按分キー: 相談件数, 従事時間, 支援実人数, 職員配置. */
export const ALLOCATION_KEYS = ['consultations', 'hours', 'persons', 'staff'] as const;
export type AllocationKey = (typeof ALLOCATION_KEYS)[number];

export const COST_KINDS = ['staff', 'contract', 'other'] as const;
export type CostKind = (typeof COST_KINDS)[number];

/**
 * The silo an agency's records count for, from its kind (admin/agency-kinds.ts): 地域包括支援センター
 * → 介護; 基幹相談支援センター and 相談支援事業所 → 障害; こども家庭センター and 利用者支援事業 → 子ども;
 * 自立相談支援機関 → 困窮. Every other kind (社協, NPO, 市町村, 民生委員協議会…) counts for no silo,
 * so its consultations are not part of a silo key.
 */
export function siloOfAgencyKind(kind: string): Silo | null {
  const found = AGENCY_KINDS.find((k) => k.code === kind);
  return (found?.silo as Silo | null | undefined) ?? null;
}

export function isSilo(value: string): value is Silo {
  return (SILOS as readonly string[]).includes(value);
}

/** Labels for files that leave the system (XLSX); the screens use web/src/i18n/ja-funding.ts. */
export const PART_LABELS: Record<GrantPart, string> = { houkatsu_soudan: '包括的相談支援分', chiiki_dukuri: '地域づくり分', aratana_kinou: '新たな機能分' };
export const SILO_LABELS: Record<Silo, string> = { kaigo: '介護', shougai: '障害', kodomo: '子ども', konkyu: '困窮' };
export const PAYER_LABELS: Record<Payer, string> = { kuni: '国', todofuken: '都道府県', shichoson: '市町村', hoken1: '第1号保険料', hoken2: '第2号保険料' };
export const KEY_LABELS: Record<AllocationKey, string> = { consultations: '相談件数', hours: '従事時間', persons: '支援実人数', staff: '職員配置' };
export const COST_KIND_LABELS: Record<CostKind, string> = { staff: '職員', contract: '委託', other: 'その他' };
