/**
 * 参加支援のマッチング (pure): scores directory services and 協力事業者 against a person's wishes and
 * constraints, and says why in Japanese. Score 0–100:
 *   希望 (taxonomy) 30 + 10 × share of the wishes met · 圏域 20 · 曜日・時間 20 · 年齢 10 · 配慮 10, minus 20 when full (待機).
 * Each constraint part is full when the constraint is absent and can only shrink when it is added
 * or narrowed, so adding a constraint never raises a score (matching.property.test.ts). A candidate
 * that matches none of the wishes is not a match; one outside its age range, or full when the person
 * does not want to wait, is excluded (listed apart with the reason). Only active candidates count.
 */
import { NEED_CODES, type NeedCode, WEEKDAY_LABELS, WEEKDAYS, type Weekday } from './participation-codes.js';

export interface NeedConstraints {
  wishCodes: readonly string[];
  /** 希望の圏域; empty = anywhere. */
  areaIds: readonly string[];
  /** Days the person can come; empty = any day. */
  days: readonly Weekday[];
  /** 'HH:MM' */
  timeFrom: string | null;
  timeTo: string | null;
  age: number | null;
  needCodes: readonly NeedCode[];
  startWishOn: string | null;
  acceptsWaitlist: boolean;
}

export interface CandidateSchedule {
  freq: 'WEEKLY' | 'MONTHLY' | null;
  /** 'MO,WE' (weekly) or '1MO,3TH' (monthly); null = any day. */
  byday: string | null;
  opensAt: string | null;
  closesAt: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export interface Candidate {
  kind: 'service' | 'host';
  id: string;
  name: string;
  organizationName: string | null;
  active: boolean;
  codes: readonly string[];
  areaIds: readonly string[];
  /** Offered in the whole municipality (a service area without a 圏域). */
  cityWide: boolean;
  schedules: readonly CandidateSchedule[];
  minAge: number | null;
  maxAge: number | null;
  capacity: number | null;
  /** Placements 調整中/利用中 holding a place. */
  placed: number;
  waitlistCount: number | null;
  /** 配慮 the place can give; null = not known (directory services). */
  accommodationCodes: readonly string[] | null;
}

export interface MatchLabels {
  wish: (code: string) => string;
  area: (areaId: string) => string;
}

export type ReasonTone = 'good' | 'caution' | 'bad';
export interface Reason {
  kind: 'wish' | 'area' | 'schedule' | 'age' | 'need' | 'capacity';
  tone: ReasonTone;
  text: string;
}

export interface Match {
  kind: Candidate['kind'];
  id: string;
  name: string;
  organizationName: string | null;
  score: number;
  excluded: boolean;
  full: boolean;
  remaining: number | null;
  waitlistCount: number | null;
  reasons: Reason[];
}

const hhmm = (t: string | null) => (t ? t.slice(0, 5) : null);
const join = (items: readonly string[]) => items.join('・');

function wishPart(need: NeedConstraints, c: Candidate, labels: MatchLabels): { points: number; reason?: Reason } | null {
  if (need.wishCodes.length === 0) return { points: 30 };
  const hit = need.wishCodes.filter((w) => c.codes.includes(w));
  if (hit.length === 0) return null;
  return { points: Math.round(30 + (10 * hit.length) / need.wishCodes.length), reason: { kind: 'wish', tone: 'good', text: `希望: ${join(hit.map(labels.wish))}に一致` } };
}

function areaPart(need: NeedConstraints, c: Candidate, labels: MatchLabels): { points: number; reason?: Reason } {
  if (need.areaIds.length === 0) return { points: 20 };
  if (c.cityWide) return { points: 20, reason: { kind: 'area', tone: 'good', text: '市内全域' } };
  const hit = c.areaIds.filter((a) => need.areaIds.includes(a));
  if (hit.length > 0) return { points: 20, reason: { kind: 'area', tone: 'good', text: join(hit.map(labels.area)) } };
  if (c.areaIds.length === 0) return { points: 10, reason: { kind: 'area', tone: 'caution', text: '実施圏域の情報なし' } };
  return { points: 0, reason: { kind: 'area', tone: 'bad', text: `希望の圏域外（${join(c.areaIds.map(labels.area))}）` } };
}

/** The weekdays of a schedule with their 第n prefix for monthly ones; null byday = every day. */
export function scheduleDays(s: CandidateSchedule): Array<{ day: Weekday; label: string }> {
  if (!s.byday?.trim()) return WEEKDAYS.map((day) => ({ day, label: WEEKDAY_LABELS[day] }));
  const out: Array<{ day: Weekday; label: string }> = [];
  for (const token of s.byday.split(',')) {
    const m = /^\s*([+-]?\d)?(MO|TU|WE|TH|FR|SA|SU)\s*$/.exec(token.toUpperCase());
    if (!m) continue;
    const day = m[2] as Weekday;
    const nth = m[1] && s.freq === 'MONTHLY' ? (m[1].startsWith('-') ? '最終' : `第${m[1].replace('+', '')}`) : '';
    out.push({ day, label: `${nth}${WEEKDAY_LABELS[day]}` });
  }
  return out;
}

function timeBand(opens: string | null, closes: string | null): string | null {
  if (!opens || !closes) return null;
  if (closes <= '12:00') return '午前';
  if (opens >= '17:00') return '夜間';
  if (opens >= '12:00' && closes <= '18:00') return '午後';
  return `${opens}–${closes}`;
}

function timesOverlap(need: NeedConstraints, opens: string | null, closes: string | null): boolean {
  if (need.timeTo && opens && !(opens < need.timeTo)) return false;
  if (need.timeFrom && closes && !(need.timeFrom < closes)) return false;
  return true;
}

function schedulePart(need: NeedConstraints, c: Candidate): { points: number; reason?: Reason } {
  const constrained = need.days.length > 0 || need.timeFrom !== null || need.timeTo !== null || need.startWishOn !== null;
  if (c.schedules.length === 0) {
    return constrained ? { points: 10, reason: { kind: 'schedule', tone: 'caution', text: '開催日時の情報なし' } } : { points: 20 };
  }
  const usable = c.schedules.filter((s) => need.startWishOn === null || s.validTo === null || s.validTo >= need.startWishOn);
  for (const s of usable) {
    const opens = hhmm(s.opensAt);
    const closes = hhmm(s.closesAt);
    const days = scheduleDays(s).filter((d) => need.days.length === 0 || need.days.includes(d.day));
    if (days.length === 0 || !timesOverlap(need, opens, closes)) continue;
    const dayText = days.length === 7 && !s.byday ? '毎日' : `${s.freq === 'MONTHLY' ? '毎月' : ''}${join(days.map((d) => d.label))}`;
    const band = timeBand(opens, closes);
    return { points: 20, reason: { kind: 'schedule', tone: 'good', text: band ? `${dayText}の${band}に開催` : `${dayText}に開催` } };
  }
  const text = usable.length === 0 ? '希望の開始日には終了している' : '都合の合う曜日・時間の開催なし';
  return { points: 0, reason: { kind: 'schedule', tone: 'bad', text } };
}

export function ageRangeText(min: number | null, max: number | null): string | null {
  if (min !== null && max !== null) return `${min}–${max}歳`;
  if (min !== null) return `${min}歳以上`;
  if (max !== null) return `${max}歳以下`;
  return null;
}

function agePart(need: NeedConstraints, c: Candidate): { excluded: boolean; reason?: Reason } {
  const range = ageRangeText(c.minAge, c.maxAge);
  if (range === null) return { excluded: false };
  if (need.age === null) return { excluded: false, reason: { kind: 'age', tone: 'caution', text: `年齢条件 ${range}（生年月日が未登録）` } };
  const inRange = (c.minAge === null || need.age >= c.minAge) && (c.maxAge === null || need.age <= c.maxAge);
  return inRange ? { excluded: false, reason: { kind: 'age', tone: 'good', text: `年齢条件 ${range} に該当` } } : { excluded: true, reason: { kind: 'age', tone: 'bad', text: `年齢条件 ${range} に該当しない` } };
}

function needPart(need: NeedConstraints, c: Candidate): { points: number; reasons: Reason[] } {
  let unmet = 0;
  let unknown = 0;
  const reasons: Reason[] = [];
  for (const code of need.needCodes) {
    const short = NEED_CODES[code].short;
    if (c.accommodationCodes === null) {
      unknown += 1;
      reasons.push({ kind: 'need', tone: 'caution', text: `${short}は要確認` });
    } else if (c.accommodationCodes.includes(code)) {
      reasons.push({ kind: 'need', tone: 'good', text: `${short}に対応` });
    } else {
      unmet += 1;
      reasons.push({ kind: 'need', tone: 'bad', text: `${short}に対応していない` });
    }
  }
  return { points: Math.max(0, 10 - 5 * unmet - 3 * unknown), reasons };
}

function capacityPart(need: NeedConstraints, c: Candidate): { penalty: number; excluded: boolean; full: boolean; remaining: number | null; reason?: Reason } {
  if (c.capacity === null) return { penalty: 0, excluded: false, full: false, remaining: null };
  const remaining = Math.max(0, c.capacity - c.placed);
  if (remaining > 0) return { penalty: 0, excluded: false, full: false, remaining, reason: { kind: 'capacity', tone: 'good', text: `受入枠 残り${remaining}` } };
  const waiting = `満員（待機 ${c.waitlistCount ?? 0}人）`;
  if (need.acceptsWaitlist) return { penalty: 20, excluded: false, full: true, remaining, reason: { kind: 'capacity', tone: 'caution', text: waiting } };
  return { penalty: 0, excluded: true, full: true, remaining, reason: { kind: 'capacity', tone: 'bad', text: `${waiting}・待機は希望しない` } };
}

/** One candidate against the need; null when it is not a match at all (inactive, or no wish in common). */
export function scoreCandidate(need: NeedConstraints, c: Candidate, labels: MatchLabels): Match | null {
  if (!c.active) return null;
  const wish = wishPart(need, c, labels);
  if (wish === null) return null;
  const area = areaPart(need, c, labels);
  const schedule = schedulePart(need, c);
  const age = agePart(need, c);
  const needs = needPart(need, c);
  const capacity = capacityPart(need, c);
  const excluded = age.excluded || capacity.excluded;
  const raw = wish.points + area.points + schedule.points + (age.excluded ? 0 : 10) + needs.points - capacity.penalty;
  const reasons = [wish.reason, area.reason, schedule.reason, age.reason, ...needs.reasons, capacity.reason].filter((r): r is Reason => r !== undefined);
  return {
    kind: c.kind,
    id: c.id,
    name: c.name,
    organizationName: c.organizationName,
    score: excluded ? 0 : Math.min(100, Math.max(0, raw)),
    excluded,
    full: capacity.full,
    remaining: capacity.remaining,
    waitlistCount: c.waitlistCount,
    reasons,
  };
}

const collator = new Intl.Collator('ja');

/** Ranked matches (best first) and the excluded candidates with their reasons. */
export function rankMatches(need: NeedConstraints, candidates: readonly Candidate[], labels: MatchLabels): { matches: Match[]; excluded: Match[] } {
  const scored = candidates.map((c) => scoreCandidate(need, c, labels)).filter((m): m is Match => m !== null);
  const order = (a: Match, b: Match) =>
    b.score - a.score || Number(a.full) - Number(b.full) || (a.kind === b.kind ? 0 : a.kind === 'service' ? -1 : 1) || collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { matches: scored.filter((m) => !m.excluded).sort(order), excluded: scored.filter((m) => m.excluded).sort(order) };
}
