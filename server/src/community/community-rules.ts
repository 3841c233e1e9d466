/**
 * Pure checks of 地域づくり input that span fields, with the Japanese message for each field.
 * The use cases throw `invalid` with these fields; the Zod schemas check single fields.
 */
import { type BandCounts, totalOf } from './age-bands.js';
import type { ActivitySchedule, ScheduleRule } from './schedule.js';

export interface FieldProblem {
  path: string;
  message: string;
}

type PlaceStatus = 'preparing' | 'open' | 'suspended' | 'closed';

export function placeProblems(p: { status: PlaceStatus; openedOn?: string | null | undefined; closedOn?: string | null | undefined }): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (p.status !== 'preparing' && !p.openedOn) out.push({ path: 'openedOn', message: '開設日を入力してください（準備中の拠点は空欄のままにできます）。' });
  if (p.status === 'closed' && !p.closedOn) out.push({ path: 'closedOn', message: '閉鎖した拠点は閉鎖日を入力してください。' });
  if (p.status !== 'closed' && p.closedOn) out.push({ path: 'status', message: '閉鎖日を入れる場合は、状態を「閉鎖」にしてください。' });
  if (p.openedOn && p.closedOn && p.closedOn < p.openedOn) out.push({ path: 'closedOn', message: '閉鎖日は開設日と同じか、それより後の日付にしてください。' });
  return out;
}

export interface RuleInput {
  freq: 'weekly' | 'monthly_nth' | 'monthly_day';
  weekdays: readonly number[];
  intervalWeeks: number;
  nths: readonly number[];
  monthDays: readonly number[];
}

const uniqueSorted = (xs: readonly number[]) => [...new Set(xs)].sort((a, b) => (a === -1 ? 1 : b === -1 ? -1 : a - b));

/** The rule as stored and evaluated: only the fields of its frequency, each sorted without duplicates. */
export function normaliseRule(r: RuleInput): ScheduleRule {
  if (r.freq === 'weekly') return { freq: 'weekly', weekdays: uniqueSorted(r.weekdays), intervalWeeks: r.intervalWeeks };
  if (r.freq === 'monthly_nth') return { freq: 'monthly_nth', weekdays: uniqueSorted(r.weekdays), nths: uniqueSorted(r.nths) };
  return { freq: 'monthly_day', monthDays: uniqueSorted(r.monthDays) };
}

export function activityProblems(a: { schedule: RuleInput; startsAt: string; endsAt: string; validFrom: string; validTo?: string | null | undefined }): FieldProblem[] {
  const out: FieldProblem[] = [];
  const r = a.schedule;
  if (r.freq !== 'monthly_day' && r.weekdays.length === 0) out.push({ path: 'schedule.weekdays', message: '曜日を1つ以上選んでください。' });
  if (r.freq === 'monthly_nth' && r.nths.length === 0) out.push({ path: 'schedule.nths', message: '第何週かを1つ以上選んでください。' });
  if (r.freq === 'monthly_day' && r.monthDays.length === 0) out.push({ path: 'schedule.monthDays', message: '日にちを1つ以上入力してください。' });
  if (a.endsAt <= a.startsAt) out.push({ path: 'endsAt', message: '終了時刻は開始時刻より後にしてください。' });
  if (a.validTo && a.validTo < a.validFrom) out.push({ path: 'validTo', message: '終了日は開始日と同じか、それより後の日付にしてください。' });
  return out;
}

/** A session can be recorded on a past or current day within the activity's validity (臨時開催 allowed). */
export function sessionProblems(s: { heldOn: string; today: string; schedule: ActivitySchedule; status: 'held' | 'cancelled'; counts: BandCounts; volunteers?: number | null | undefined }): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (s.heldOn > s.today) out.push({ path: 'heldOn', message: 'まだ来ていない日の参加者数は記録できません。' });
  if (s.heldOn < s.schedule.validFrom || (s.schedule.validTo !== null && s.heldOn > s.schedule.validTo)) out.push({ path: 'heldOn', message: '活動の期間外の日です。' });
  if (s.status === 'cancelled' && (totalOf(s.counts) > 0 || (s.volunteers ?? 0) > 0)) out.push({ path: 'counts', message: '中止した回には参加者数を入力できません。' });
  return out;
}
