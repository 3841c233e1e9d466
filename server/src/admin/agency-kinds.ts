/** Kinds of agency (機関種別). Codes are stable identifiers; labels are what staff read. */
export const AGENCY_KINDS = [
  { code: 'chiiki_houkatsu', label: '地域包括支援センター', silo: 'kaigo' },
  { code: 'kikan_soudan', label: '基幹相談支援センター', silo: 'shougai' },
  { code: 'soudan_shien', label: '相談支援事業所', silo: 'shougai' },
  { code: 'kodomo_katei', label: 'こども家庭センター', silo: 'kodomo' },
  { code: 'riyousha_shien', label: '利用者支援事業', silo: 'kodomo' },
  { code: 'jiritsu_soudan', label: '自立相談支援機関', silo: 'konkyu' },
  { code: 'shakyo_tajikan', label: '社会福祉協議会（多機関協働事業者）', silo: null },
  { code: 'npo', label: 'NPO・民間団体', silo: null },
  { code: 'municipal_office', label: '市町村（重層事業担当課）', silo: null },
  { code: 'minsei_council', label: '民生委員・児童委員協議会', silo: null },
  { code: 'prefecture_office', label: '都道府県（所管課）', silo: null },
  { code: 'other', label: 'その他', silo: null },
] as const;

export type AgencyKind = (typeof AGENCY_KINDS)[number]['code'];
export const AGENCY_KIND_CODES = AGENCY_KINDS.map((k) => k.code) as [AgencyKind, ...AgencyKind[]];

export function agencyKindLabel(code: string): string {
  return AGENCY_KINDS.find((k) => k.code === code)?.label ?? code;
}
