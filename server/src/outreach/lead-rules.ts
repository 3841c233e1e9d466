/**
 * Pure rules of アウトリーチ: the lead's status machine, what the 民生委員 sees of it, trust-stage
 * list edits and the contact-cadence lapse (つながり続ける). No database here; unit-tested.
 */
import type { AttemptOutcome, LeadStatus } from '../platform/db/schema-outreach.js';

/** Statuses in which the worker still works the lead (attempts, stages, consent, close). */
export const ACTIVE_LEAD_STATUSES: readonly LeadStatus[] = ['open', 'in_contact'];

export function isActiveLead(status: LeadStatus): boolean {
  return ACTIVE_LEAD_STATUSES.includes(status);
}

export type LeadStep = 'attempt' | 'stage' | 'consent' | 'close' | 'reopen' | 'edit';

/** Whether a step is allowed from a status; the Japanese reason when it is not. */
export function leadStepProblem(status: LeadStatus, step: LeadStep): string | null {
  if (step === 'reopen') return status === 'closed' ? null : '再開できるのは終了したアウトリーチだけです。';
  if (isActiveLead(status)) return null;
  return status === 'consented' ? 'このアウトリーチはすでに相談・ケースに移行しています。' : 'このアウトリーチは終了しています。再開してから記録してください。';
}

/** 会えた (or a 面談/同行 where the person was met) turns an 未接触 lead into 接触中. */
export function statusAfterAttempt(status: LeadStatus, outcome: AttemptOutcome): LeadStatus {
  return status === 'open' && outcome === 'met' ? 'in_contact' : status;
}

/** What a 民生委員 sees of their 気づきの連絡: 受付済 / 対応中 / 対応済 — nothing else. */
export type VolunteerStatus = 'received' | 'in_progress' | 'done';

export function volunteerStatus(status: LeadStatus, attempts: number): VolunteerStatus {
  if (status === 'consented' || status === 'closed') return 'done';
  if (status === 'in_contact' || attempts > 0) return 'in_progress';
  return 'received';
}

// --- trust stages --------------------------------------------------------------------------------

export interface StageEdit {
  id?: string | null | undefined;
  name: string;
  description?: string | null | undefined;
  retired?: boolean | undefined;
}

/**
 * Problems with a new list of trust stages: names present and distinct, at least two stages in use,
 * existing stages never dropped (retire them instead: lead histories refer to them).
 */
export function stageListProblems(existingIds: readonly string[], stages: readonly StageEdit[]): Array<{ path: string; message: string }> {
  const problems: Array<{ path: string; message: string }> = [];
  const names = new Set<string>();
  stages.forEach((s, i) => {
    const name = s.name.trim();
    if (!name) problems.push({ path: `stages.${i}.name`, message: '段階の名前を入力してください。' });
    else if (names.has(name)) problems.push({ path: `stages.${i}.name`, message: '同じ名前の段階があります。' });
    names.add(name);
    if (s.id && !existingIds.includes(s.id)) problems.push({ path: `stages.${i}.id`, message: 'この段階は見つかりません。再読み込みしてください。' });
  });
  const kept = new Set(stages.flatMap((s) => (s.id ? [s.id] : [])));
  if (existingIds.some((id) => !kept.has(id))) {
    problems.push({ path: 'stages', message: '使った段階は削除できません。使わない段階は「使わない」にしてください。' });
  }
  if (stages.filter((s) => !s.retired).length < 2) problems.push({ path: 'stages', message: '使う段階を2つ以上にしてください。' });
  return problems;
}

// --- contact cadence -----------------------------------------------------------------------------

const DAY_MS = 86_400_000;

function dayNumber(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

export function addDays(iso: string, days: number): string {
  return new Date((dayNumber(iso) + days) * DAY_MS).toISOString().slice(0, 10);
}

export interface CadenceState {
  /** The day contact was last made (attempt or 支援経過記録), or the day the cadence started. */
  lastContactOn: string;
  /** The day by which the next contact is due. */
  dueOn: string;
  lapsed: boolean;
  /** Days past dueOn (0 when not lapsed). */
  daysOverdue: number;
}

/**
 * つながり続ける: with a cadence of `intervalDays`, contact is due `intervalDays` after the later of
 * the last contact and the day the cadence started; the day after that the contact has lapsed.
 */
export function cadenceState(input: { startsOn: string; lastContactOn: string | null; intervalDays: number; today: string }): CadenceState {
  const last = input.lastContactOn && input.lastContactOn > input.startsOn ? input.lastContactOn : input.startsOn;
  const dueOn = addDays(last, input.intervalDays);
  const overdue = dayNumber(input.today) - dayNumber(dueOn);
  return { lastContactOn: last, dueOn, lapsed: overdue > 0, daysOverdue: Math.max(0, overdue) };
}
