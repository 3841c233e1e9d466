import { describe, expect, it } from 'vitest';
import { CONCERN_CATEGORY_CODES } from '../consultation/concern-categories.js';
import { consultationRecord } from './consultation-record.js';
import { categoriesForTopics, PUBLIC_TOPIC_CODES, PUBLIC_TOPICS } from './public-topics.js';
import type { CleanSubmission } from './submission-rules.js';

const submission = (over: Partial<CleanSubmission> = {}): CleanSubmission => ({
  topics: ['family', 'money'],
  text: '母の介護で 仕事に 行けません。\nどうしたら いいですか。',
  who: 'family',
  name: '山田 花子',
  contact: { method: 'phone', phone: '090-1234-5678', email: null, time: 'morning' },
  consent: 'yes',
  ...over,
});

describe('public topics', () => {
  it('reach all 16 checklist items, each topic only real ones', () => {
    const reached = new Set(PUBLIC_TOPICS.flatMap((t) => [...t.categories]));
    expect([...reached].sort()).toEqual([...CONCERN_CATEGORY_CODES].sort());
    expect(new Set(PUBLIC_TOPIC_CODES).size).toBe(PUBLIC_TOPIC_CODES.length);
  });

  it('mark the items in the order of the 相談受付票, each once', () => {
    expect(categoriesForTopics(['work', 'money', 'payments'], CONCERN_CATEGORY_CODES)).toEqual(['living_costs', 'rent_loan', 'tax_utilities', 'job_search', 'work_trouble']);
    expect(categoriesForTopics([], CONCERN_CATEGORY_CODES)).toEqual([]);
  });
});

describe('a public submission as a 相談受付票', () => {
  it('puts the 受付番号 first in the summary and the answers, then the text as written, in the details', () => {
    const r = consultationRecord(submission(), 'W-2611-7K3Q', 'ja-easy');
    expect(r.summary).toBe('オンライン相談（W-2611-7K3Q）: 母の介護で 仕事に 行けません。 どうしたら いいですか。');
    expect(r.details.split('\n')).toEqual([
      '住民のオンライン相談（受付番号 W-2611-7K3Q）',
      '言語: やさしい日本語',
      '相談した人: 家族',
      '名前: 山田 花子',
      '連絡方法: 電話 090-1234-5678',
      '連絡してよい時間: 午前（9時〜12時）',
      '関係機関への共有: 同意する',
      '選んだ困りごと: 収入・生活費、家族との関係',
      '',
      '相談内容（送られたまま）:',
      '母の介護で 仕事に 行けません。',
      'どうしたら いいですか。',
    ]);
    expect(r).toMatchObject({ visitorKind: 'other', visitorRelationship: '家族', visitorName: '山田 花子', anonymous: false, categories: ['living_costs', 'family'], consentStatus: 'given' });
  });

  it('is anonymous without a name; 本人 has no visitor relationship; the consent answer maps to the status', () => {
    const r = consultationRecord(submission({ who: 'self', name: null, consent: 'unsure', contact: { method: 'none', phone: null, email: null, time: null } }), 'W-2611-AAAA', 'en');
    expect(r).toMatchObject({ visitorKind: 'self', visitorRelationship: null, visitorName: null, anonymous: true, consentStatus: 'unknown' });
    expect(r.details).toContain('言語: 英語');
    expect(r.details).toContain('名前: （名乗りなし）');
    expect(r.details).toContain('連絡方法: 連絡不要');
    expect(r.details).not.toContain('連絡してよい時間');
    expect(consultationRecord(submission({ consent: 'no' }), 'W-2611-AAAA', 'en').consentStatus).toBe('refused');
  });

  it('cuts a long text in the summary only', () => {
    const text = 'あ'.repeat(500);
    const r = consultationRecord(submission({ text }), 'W-2611-AAAA', 'ja-easy');
    expect([...r.summary].length).toBeLessThan(160);
    expect(r.details.endsWith(text)).toBe(true);
  });
});
