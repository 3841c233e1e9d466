/**
 * How a public submission reads as a 相談受付票 for the staff (pure): the 受付番号 first in the
 * summary (so a resident who calls with the number is found in the lists), the answers as labelled
 * lines in the details, and the text exactly as the resident wrote it.
 */
import { CONCERN_CATEGORIES, CONCERN_CATEGORY_CODES, type ConcernCategory } from '../consultation/concern-categories.js';
import type { PublicLanguage } from '../platform/db/schema-public-intake.js';
import { categoriesForTopics } from './public-topics.js';
import type { CleanSubmission, ConsentAnswer, ContactTime, Who } from './submission-rules.js';

const WHO_LABEL: Record<Who, string> = { self: '本人', family: '家族', neighbour: '近所の人', other: 'その他' };
const TIME_LABEL: Record<ContactTime, string> = { any: 'いつでもよい', morning: '午前（9時〜12時）', afternoon: '午後（12時〜17時）', evening: '夕方（17時〜19時）' };
const CONSENT_LABEL: Record<ConsentAnswer, string> = { yes: '同意する', no: '同意しない', unsure: 'わからない' };
const CONSENT_STATUS: Record<ConsentAnswer, 'given' | 'refused' | 'unknown'> = { yes: 'given', no: 'refused', unsure: 'unknown' };
const LANGUAGE_LABEL: Record<PublicLanguage, string> = { 'ja-easy': 'やさしい日本語', en: '英語' };
const SUMMARY_EXCERPT = 120;

export interface ConsultationRecord {
  summary: string;
  details: string;
  visitorKind: 'self' | 'other';
  visitorRelationship: string | null;
  visitorName: string | null;
  anonymous: boolean;
  categories: ConcernCategory[];
  consentStatus: 'given' | 'refused' | 'unknown';
}

function contactLine(s: CleanSubmission): string {
  if (s.contact.method === 'phone') return `電話 ${s.contact.phone ?? ''}`;
  if (s.contact.method === 'email') return `メール ${s.contact.email ?? ''}`;
  return '連絡不要（本人が「れんらくは いりません」を選択）';
}

export function consultationRecord(s: CleanSubmission, referenceNumber: string, lang: PublicLanguage): ConsultationRecord {
  const categories = categoriesForTopics(s.topics, CONCERN_CATEGORY_CODES);
  const oneLine = s.text.replace(/\s+/g, ' ');
  const excerpt = [...oneLine].length > SUMMARY_EXCERPT ? `${[...oneLine].slice(0, SUMMARY_EXCERPT).join('')}…` : oneLine;
  const lines = [
    `住民のオンライン相談（受付番号 ${referenceNumber}）`,
    `言語: ${LANGUAGE_LABEL[lang]}`,
    `相談した人: ${WHO_LABEL[s.who]}`,
    `名前: ${s.name ?? '（名乗りなし）'}`,
    `連絡方法: ${contactLine(s)}`,
    ...(s.contact.method !== 'none' && s.contact.time ? [`連絡してよい時間: ${TIME_LABEL[s.contact.time]}`] : []),
    `関係機関への共有: ${CONSENT_LABEL[s.consent]}`,
    `選んだ困りごと: ${categories.length ? categories.map((c) => CONCERN_CATEGORIES.find((k) => k.code === c)!.label).join('、') : '（選択なし）'}`,
    '',
    '相談内容（送られたまま）:',
    s.text,
  ];
  return {
    summary: `オンライン相談（${referenceNumber}）: ${excerpt}`,
    details: lines.join('\n'),
    visitorKind: s.who === 'self' ? 'self' : 'other',
    visitorRelationship: s.who === 'self' ? null : WHO_LABEL[s.who],
    visitorName: s.who === 'self' ? null : s.name,
    anonymous: s.name === null,
    categories,
    consentStatus: CONSENT_STATUS[s.consent],
  };
}
