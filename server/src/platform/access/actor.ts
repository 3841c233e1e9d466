/**
 * The acting user, as every use case and the access policy see it.
 * Built once per request from the session (platform/auth) and never from client input.
 */
export const ROLES = [
  'system_admin', // システム管理者
  'municipal_admin', // 市町村管理者（重層事業担当課）
  'coordinator', // 多機関協働事業者
  'caseworker', // 相談支援員
  'outreach_worker', // アウトリーチ支援員・参加支援員
  'community_volunteer', // 民生委員・児童委員
  'prefecture_analyst', // 都道府県（集計のみ）
  'auditor', // 監査
] as const;

export type Role = (typeof ROLES)[number];

export interface Actor {
  userId: string;
  municipalityId: string;
  /** JIS X 0401 prefecture code of the actor's municipality, e.g. "13". */
  prefectureCode: string;
  loginName: string;
  roles: readonly Role[];
  agencyIds: readonly string[];
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}
