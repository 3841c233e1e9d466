import type { Role } from '../platform/access/actor.js';
import type { AgencyKind } from '../admin/agency-kinds.js';

/** The demo municipality デモ市: fictional codes so it can never be mistaken for a real one. */
export const DEMO_MUNICIPALITY = {
  code: '990001',
  name: 'デモ市',
  prefectureCode: '99',
  prefectureName: 'デモ県',
  population: 80_000,
};

export interface DemoAgency {
  key: string;
  name: string;
  kind: AgencyKind;
  area: string | null;
}

export const DEMO_AGENCIES: DemoAgency[] = [
  { key: 'office', name: 'デモ市 福祉総合課（重層事業担当）', kind: 'municipal_office', area: null },
  { key: 'houkatsu1', name: 'デモ市東部地域包括支援センター', kind: 'chiiki_houkatsu', area: '東部圏域' },
  { key: 'houkatsu2', name: 'デモ市西部地域包括支援センター', kind: 'chiiki_houkatsu', area: '西部圏域' },
  { key: 'houkatsu3', name: 'デモ市南部地域包括支援センター', kind: 'chiiki_houkatsu', area: '南部圏域' },
  { key: 'kikan', name: 'デモ市基幹相談支援センター', kind: 'kikan_soudan', area: null },
  { key: 'soudan1', name: '相談支援事業所ひまわり', kind: 'soudan_shien', area: '東部圏域' },
  { key: 'soudan2', name: '相談支援事業所あおば', kind: 'soudan_shien', area: '西部圏域' },
  { key: 'kodomo', name: 'デモ市こども家庭センター', kind: 'kodomo_katei', area: null },
  { key: 'jiritsu', name: 'デモ市くらしサポートセンター（自立相談支援機関）', kind: 'jiritsu_soudan', area: null },
  { key: 'shakyo', name: 'デモ市社会福祉協議会', kind: 'shakyo_tajikan', area: null },
  { key: 'npo1', name: 'NPO法人 ほっとスペースつばさ', kind: 'npo', area: '東部圏域' },
  { key: 'npo2', name: 'NPO法人 こども食堂ネットワークデモ', kind: 'npo', area: '南部圏域' },
  { key: 'minsei', name: 'デモ市民生委員児童委員協議会', kind: 'minsei_council', area: null },
  { key: 'pref', name: 'デモ県 地域福祉課', kind: 'prefecture_office', area: null },
];

export interface DemoUser {
  loginName: string;
  displayName: string;
  roles: Role[];
  agencyKeys: string[];
}

/** Fixed sign-in names listed in README. */
export const DEMO_USERS: DemoUser[] = [
  { loginName: 'admin', displayName: '福祉 太郎', roles: ['municipal_admin'], agencyKeys: ['office'] },
  { loginName: 'coordinator', displayName: '協働 花子', roles: ['coordinator'], agencyKeys: ['shakyo'] },
  { loginName: 'houkatsu1', displayName: '東 包括', roles: ['caseworker'], agencyKeys: ['houkatsu1'] },
  { loginName: 'soudan1', displayName: '日向 相談', roles: ['caseworker'], agencyKeys: ['soudan1'] },
  { loginName: 'kodomo', displayName: '子安 育美', roles: ['caseworker'], agencyKeys: ['kodomo'] },
  { loginName: 'jiritsu', displayName: '暮石 自立', roles: ['caseworker'], agencyKeys: ['jiritsu'] },
  { loginName: 'outreach', displayName: '訪問 つなぐ', roles: ['outreach_worker'], agencyKeys: ['shakyo'] },
  { loginName: 'minsei1', displayName: '見守 一郎', roles: ['community_volunteer'], agencyKeys: ['minsei'] },
  { loginName: 'auditor', displayName: '監査 正', roles: ['auditor'], agencyKeys: ['office'] },
  { loginName: 'pref', displayName: '県庁 集計', roles: ['prefecture_analyst'], agencyKeys: ['pref'] },
  { loginName: 'sysadmin', displayName: '運用 管理', roles: ['system_admin'], agencyKeys: ['office'] },
];

export const SURNAMES = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤', '吉田', '山田', '佐々木', '山口', '松本', '井上', '木村', '林', '斎藤', '清水', '髙橋', '山﨑', '渡邉', '齋藤'];
export const GIVEN_NAMES = ['陽子', '恵子', '誠', '健一', '美穂', '裕子', '大輔', '直樹', '由美', '智子', '翔太', '彩', '拓也', '真理子', '浩二', '千尋'];
