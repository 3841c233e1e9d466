/** The 16 concern categories of the 相談受付・申込票 checklist (DOMAIN.md §3), in form order. */
export const CONCERN_CATEGORIES = [
  { code: 'health_disability', label: '病気や健康・障害' },
  { code: 'housing', label: '住まい' },
  { code: 'living_costs', label: '収入・生活費' },
  { code: 'rent_loan', label: '家賃やローン' },
  { code: 'tax_utilities', label: '税金や公共料金' },
  { code: 'debt', label: '債務' },
  { code: 'job_search', label: '仕事探し・就職' },
  { code: 'work_trouble', label: '仕事上の不安やトラブル' },
  { code: 'community', label: '地域との関係' },
  { code: 'family', label: '家族との関係' },
  { code: 'childcare', label: '子育て' },
  { code: 'care', label: '介護' },
  { code: 'withdrawal', label: 'ひきこもり・不登校' },
  { code: 'dv_abuse', label: 'DV・虐待' },
  { code: 'no_food', label: '食べるものがない' },
  { code: 'other', label: 'その他' },
] as const;

export type ConcernCategory = (typeof CONCERN_CATEGORIES)[number]['code'];
export const CONCERN_CATEGORY_CODES = CONCERN_CATEGORIES.map((c) => c.code) as [ConcernCategory, ...ConcernCategory[]];

/** Free tags in common use; any other short tag is accepted too. */
export const COMMON_CONCERN_TAGS = ['8050', 'ダブルケア', 'ごみ屋敷', 'ひきこもり', 'ヤングケアラー', '孤立', '虐待疑い'] as const;

/** 要配慮 flags a person can carry (special-care personal information categories, 個人情報保護法2条3項). */
export const CARE_FLAGS = [
  { code: 'disability', label: '障害' },
  { code: 'illness', label: '病歴' },
  { code: 'crime_victim', label: '犯罪被害' },
  { code: 'dv_victim', label: 'DV被害' },
  { code: 'welfare_recipient', label: '生活保護受給' },
] as const;
export const CARE_FLAG_CODES = CARE_FLAGS.map((c) => c.code) as [string, ...string[]];
