/**
 * Japanese labels for the basis of a decision, deny reasons, roles, actions and record kinds:
 * used in the audit log and on the admin page "what can this user see".
 */
import type { Role } from './actor.js';
import type { Action, Basis, DenyReason, RecordKind } from './policy.types.js';

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  system_admin: 'システム管理者',
  municipal_admin: '市町村管理者',
  coordinator: '多機関協働事業者',
  caseworker: '相談支援員',
  outreach_worker: 'アウトリーチ支援員',
  community_volunteer: '民生委員・児童委員',
  prefecture_analyst: '都道府県（集計のみ）',
  auditor: '監査',
};

export const ACTION_LABELS: Readonly<Record<Action, string>> = {
  read: '閲覧',
  list: '一覧',
  create: '作成',
  update: '更新',
  delete: '削除',
  export: '出力',
};

export const RECORD_KIND_LABELS: Readonly<Record<RecordKind, string>> = {
  person: '本人',
  household: '世帯',
  case: '支援ケース',
  consultation: '相談受付',
  progress_note: '支援経過記録',
  referral: 'つなぎ（紹介）',
  plan: '支援プラン',
  outreach_lead: 'アウトリーチ対象',
  participation: '参加支援',
  directory: '地域資源・拠点',
  meeting_material: '会議資料',
  volunteer_report: '気づきの連絡',
  aggregate: '集計',
  user_account: '利用者',
  agency: '機関',
  audit_log: '監査ログ',
  municipal_config: '市町村設定',
};

export const DENY_REASON_LABELS: Readonly<Record<DenyReason, string>> = {
  default_deny: '許可する根拠なし（既定で拒否）',
  other_municipality: '他市町村の記録',
  role_not_permitted: '役割上の権限なし',
  no_relationship: '記録との関係なし',
  consent_missing: '本人同意なし',
  confidentiality_not_acknowledged: '守秘義務の確認が未了',
  meeting_closed: '会議は終了済み',
  confidential_record: '秘匿指定の記録（一覧・検索に出さない）',
};

export function describeBasis(basis: Basis): string {
  switch (basis.kind) {
    case 'own_agency':
      return '自機関の記録';
    case 'support_team':
      return '支援チーム';
    case 'consent':
      return `本人同意 #${basis.consentId}`;
    case 'meeting':
      return `支援会議（${basis.legalBasis}）`;
    case 'referral':
      return `つなぎ先（紹介 #${basis.referralId}）`;
    case 'break_glass':
      return `緊急閲覧（理由: ${basis.reason}）`;
    case 'role':
      return `役割: ${ROLE_LABELS[basis.role]}`;
    case 'self':
      return '本人';
    case 'own_report':
      return '自身の報告';
    default: {
      const unknown: never = basis;
      throw new Error(`unknown basis: ${JSON.stringify(unknown)}`);
    }
  }
}

export function describeDenyReason(reason: DenyReason): string {
  return DENY_REASON_LABELS[reason];
}
