/**
 * Closed vocabularies of 参加支援 with their Japanese labels: the shipped kasane-ja taxonomy codes a
 * wish or an offer may name (the directory's resource_taxonomy_term rows win where they exist),
 * 配慮 (needs a person has / a host can accommodate), weekdays, pipeline stages, placement statuses,
 * the 定着支援 schedule and how the person is doing.
 */
import type { FollowupCondition, HostStage, HostSupportKind, PlacementStatus } from '../platform/db/schema-participation.js';

/** The Japanese taxonomy shipped with the directory (taxonomy 'kasane-ja'). */
export const SHIPPED_TAXONOMY: Readonly<Record<string, string>> = {
  ibasho: '居場所',
  salon: 'サロン',
  kayoinoba: '通いの場',
  kodomo_shokudo: '子ども食堂',
  work_experience: '就労体験',
  volunteer: 'ボランティア',
  learning_support: '学習支援',
  housing_support: '居住支援',
  mimamori: '見守り',
  consultation_desk: '相談窓口',
  food_bank: 'フードバンク',
};
export const TAXONOMY = 'kasane-ja';

/** 配慮: what a person needs (label) and how a reason reads for a place that has it or not. */
export const NEED_CODES = {
  small_group: { label: '少人数がよい', short: '少人数' },
  transport: { label: '送迎が必要', short: '送迎' },
  quiet: { label: '静かな環境', short: '静かな環境' },
  short_hours: { label: '短時間から', short: '短時間の参加' },
  accessible: { label: 'バリアフリー', short: 'バリアフリー' },
  companion: { label: '最初は同行が必要', short: '初回の同行' },
  remote: { label: '在宅・オンライン', short: '在宅・オンライン' },
} as const;
export type NeedCode = keyof typeof NEED_CODES;
export const NEED_CODE_LIST = Object.keys(NEED_CODES) as NeedCode[];

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const WEEKDAY_LABELS: Readonly<Record<Weekday, string>> = { MO: '月', TU: '火', WE: '水', TH: '木', FR: '金', SA: '土', SU: '日' };

export const HOST_STAGES = ['candidate', 'approached', 'registered', 'declined'] as const satisfies readonly HostStage[];
export const HOST_STAGE_LABELS: Readonly<Record<HostStage, string>> = {
  candidate: '候補',
  approached: '打診',
  registered: '協力事業者登録',
  declined: '見送り',
};

export const PLACEMENT_STATUSES = ['arranging', 'active', 'ended', 'interrupted'] as const satisfies readonly PlacementStatus[];
export const PLACEMENT_STATUS_LABELS: Readonly<Record<PlacementStatus, string>> = {
  arranging: '調整中',
  active: '利用中',
  ended: '終了',
  interrupted: '中断',
};
/** Placements that hold a place (受入枠) at the service or host. */
export const CAPACITY_HOLDING: readonly PlacementStatus[] = ['arranging', 'active'];

export const CONDITIONS = ['good', 'some_concerns', 'difficult'] as const satisfies readonly FollowupCondition[];
export const HOST_SUPPORT_KINDS = ['visit', 'phone', 'advice', 'coordination', 'training', 'other'] as const satisfies readonly HostSupportKind[];

/** 定着支援: generated at placement, counted from the start date. */
export const FOLLOWUP_SCHEDULE: ReadonlyArray<{ label: string; days?: number; months?: number }> = [
  { label: '1週間後', days: 7 },
  { label: '1か月後', months: 1 },
  { label: '3か月後', months: 3 },
];
