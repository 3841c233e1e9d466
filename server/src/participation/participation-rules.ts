/**
 * Pure rules of 参加支援: the host development pipeline (候補 → 打診 → 協力事業者登録, 見送り), the
 * placement status steps (調整中 → 利用中 → 終了 / 中断), the 定着支援 due dates, overdue follow-ups,
 * age on a day, and the 年度 (April–March) with its months.
 */
import type { HostStage, PlacementStatus } from '../platform/db/schema-participation.js';
import { FOLLOWUP_SCHEDULE } from './participation-codes.js';

/** 候補 → 打診 → 協力事業者登録; 見送り from 候補 or 打診; a 見送り may become a 候補 again. */
const HOST_STEPS: Readonly<Record<HostStage, readonly HostStage[]>> = {
  candidate: ['approached', 'declined'],
  approached: ['registered', 'declined'],
  registered: [],
  declined: ['candidate'],
};
export function canMoveHost(from: HostStage, to: HostStage): boolean {
  return HOST_STEPS[from].includes(to);
}
export function nextHostStages(from: HostStage): readonly HostStage[] {
  return HOST_STEPS[from];
}

/** 調整中 → 利用中 (利用開始) or 中断; 利用中 → 終了 or 中断; 中断 → 利用中 (再開) or 終了. */
const PLACEMENT_STEPS: Readonly<Record<PlacementStatus, readonly PlacementStatus[]>> = {
  arranging: ['active', 'interrupted'],
  active: ['ended', 'interrupted'],
  interrupted: ['active', 'ended'],
  ended: [],
};
export function canMovePlacement(from: PlacementStatus, to: PlacementStatus): boolean {
  return PLACEMENT_STEPS[from].includes(to);
}
export function nextPlacementStatuses(from: PlacementStatus): readonly PlacementStatus[] {
  return PLACEMENT_STEPS[from];
}

const parse = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return { y, m, d };
};
const iso = (date: Date) => date.toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  const { y, m, d } = parse(day);
  return iso(new Date(Date.UTC(y, m - 1, d + days)));
}

/** Same day n months later; the last day of the month when that day does not exist (1/31 → 2/28). */
export function addMonths(day: string, months: number): string {
  const { y, m, d } = parse(day);
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return iso(new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))));
}

/** The 定着支援 follow-ups generated when a placement is made. */
export function followupsFor(startOn: string): Array<{ label: string; dueOn: string }> {
  return FOLLOWUP_SCHEDULE.map((s) => ({ label: s.label, dueOn: s.months ? addMonths(startOn, s.months) : addDays(startOn, s.days ?? 0) }));
}

/** Overdue: not done, past its due date, and the placement still runs (調整中/利用中). */
export function isFollowupOverdue(f: { dueOn: string; doneOn: string | null }, placementStatus: PlacementStatus, today: string): boolean {
  return f.doneOn === null && f.dueOn < today && (placementStatus === 'arranging' || placementStatus === 'active');
}

/** Full years of age on `day` (a person born on 2/29 turns a year older on 3/1 in common years). */
export function ageOn(birthDate: string | null, day: string): number | null {
  if (!birthDate) return null;
  const b = parse(birthDate);
  const t = parse(day);
  let age = t.y - b.y;
  if (t.m < b.m || (t.m === b.m && t.d < b.d)) age -= 1;
  return age >= 0 ? age : null;
}

/** 年度 of a day: April–March, named by the year it starts in. */
export function fiscalYearOf(day: string): number {
  const { y, m } = parse(day);
  return m >= 4 ? y : y - 1;
}

export interface Period {
  label: string;
  from: string;
  to: string;
}

/** The 年度 (令和/西暦 year it starts) and its twelve months, April first. */
export function fiscalYearPeriods(fiscalYear: number): { year: Period; months: Period[] } {
  const months: Period[] = [];
  for (let i = 0; i < 12; i++) {
    const from = addMonths(`${fiscalYear}-04-01`, i);
    const to = addDays(addMonths(from, 1), -1);
    months.push({ label: from.slice(0, 7), from, to });
  }
  return { year: { label: `${fiscalYear}`, from: `${fiscalYear}-04-01`, to: `${fiscalYear + 1}-03-31` }, months };
}
