/**
 * 標準のインテーク・アセスメントシート, modelled on the national forms (自立相談支援事業の
 * インテーク・アセスメントシート / 相談受付・申込票): 就労, 住まい, 健康保険, 年金, 健康, 障害, 家族,
 * 家計・金銭, 日常生活. Questions a national 支援状況調査 counts are flagged 国への報告事項.
 * A municipality starts with this as version 1 and publishes its own versions from the admin page.
 */
import type { DbHandle } from '../../platform/db/database.js';
import { newId } from '../../platform/db/ids.js';
import { assertDefinition } from './assessment-rules.js';
import type { Definition, Question } from './question-set.schema.js';

export const INTAKE_CODE = 'intake';
export const DEFAULT_TITLE = 'インテーク・アセスメントシート（標準）';

type Opt = readonly [code: string, label: string];
const opts = (list: readonly Opt[]) => list.map(([code, label]) => ({ code, label }));
const check = (code: string, label: string, nationalReport = false): Question => ({ code, label, type: 'check', nationalReport });
const single = (code: string, label: string, options: readonly Opt[], nationalReport = false): Question => ({ code, label, type: 'single', options: opts(options), nationalReport });
const multi = (code: string, label: string, options: readonly Opt[], nationalReport = false): Question => ({ code, label, type: 'multi', options: opts(options), nationalReport });
const text = (code: string, label: string, help?: string): Question => ({ code, label, type: 'text', nationalReport: false, ...(help ? { help } : {}) });

export const DEFAULT_DEFINITION: Definition = {
  sections: [
    {
      code: 'work',
      title: '就労',
      questions: [
        single('employment_status', '就労状況', [['regular', '正規'], ['non_regular', '非正規'], ['self_employed', '自営'], ['unemployed', '無職'], ['job_seeking', '求職中']], true),
        check('out_of_work_over_year', '離職期間1年以上'),
        check('no_work_experience', '就労経験がない'),
        check('work_trouble', '職場での悩み・トラブル'),
        check('wants_work', '就労を希望している'),
        check('needs_work_support', '就労準備・職業訓練などの支援が必要'),
      ],
    },
    {
      code: 'housing',
      title: '住まい',
      questions: [
        single('housing_type', '住居形態', [['owned', '持ち家'], ['private_rent', '民間賃貸'], ['public_housing', '公営住宅'], ['company_housing', '社宅・寮'], ['relative', '親族・知人宅'], ['facility', '施設'], ['none', '住居なし']]),
        check('rent_arrears', '家賃滞納'),
        check('housing_loss_risk', '住居喪失のおそれ', true),
        check('eviction_request', '退去を求められている'),
        check('poor_living_environment', '住環境の問題（ごみ・老朽化など）'),
      ],
    },
    {
      code: 'health_insurance',
      title: '健康保険',
      questions: [
        single('health_insurance', '加入状況', [['national', '国保'], ['employee', '社保'], ['late_elderly', '後期高齢'], ['public_assistance', '生活保護（医療扶助）'], ['none', '未加入']], true),
        check('insurance_premium_arrears', '保険料の滞納'),
        check('short_term_card', '短期証・資格証明書の交付を受けている'),
        check('insurance_procedure_needed', '加入・切替の手続きが必要'),
      ],
    },
    {
      code: 'pension',
      title: '年金',
      questions: [
        single('pension_status', '受給状況', [['receiving', '受給中'], ['eligible_unclaimed', '受給資格あり（未請求）'], ['not_eligible', '受給資格なし'], ['unknown', '不明']], true),
        multi('pension_kind', '受給している年金', [['old_age', '老齢'], ['disability', '障害'], ['survivor', '遺族']]),
        check('pension_contribution_unpaid', '保険料の未納がある'),
        check('pension_exemption_needed', '免除・納付猶予の手続きが必要'),
      ],
    },
    {
      code: 'health',
      title: '健康',
      questions: [
        check('in_treatment', '通院中'),
        check('on_medication', '服薬'),
        check('mental_distress', '精神的な不調'),
        check('untreated_illness', '受診が必要だが受診していない'),
        check('dependency_suspected', '依存の疑い（アルコール・ギャンブルなど）'),
        text('health_note', '健康についてのメモ', '病名や通院先など、本人が話したことを書きます。'),
      ],
    },
    {
      code: 'disability',
      title: '障害',
      questions: [
        multi('disability_certificate', '手帳の有無', [['physical', '身体'], ['intellectual', '療育'], ['mental', '精神']], true),
        check('disability_suspected', '障害の疑い（未診断）'),
        check('disability_services', '障害福祉サービスを利用中'),
        check('support_level_certified', '障害支援区分の認定あり'),
      ],
    },
    {
      code: 'family',
      title: '家族',
      questions: [
        multi('household_members', '同居家族', [['spouse', '配偶者'], ['child', '子'], ['parent', '親'], ['sibling', 'きょうだい'], ['grandparent', '祖父母'], ['other', 'その他']]),
        check('lives_alone', '一人暮らし'),
        check('family_needs_care', '介護が必要な家族がいる'),
        check('young_carer_suspected', 'ヤングケアラーの疑い', true),
        check('abuse_dv_suspected', '虐待・DVの疑い'),
        check('family_conflict', '家族関係の悩み'),
        check('single_parent', 'ひとり親世帯'),
      ],
    },
    {
      code: 'money',
      title: '家計・金銭',
      questions: [
        multi('income_source', '主な収入', [['work', '就労収入'], ['pension', '年金'], ['allowance', '手当'], ['family_support', '仕送り'], ['public_assistance', '生活保護'], ['none', '収入なし']]),
        check('debt', '債務'),
        multi('arrears', '滞納', [['tax', '税'], ['utilities', '公共料金'], ['rent', '家賃'], ['insurance', '保険料']]),
        check('no_money_for_food', '食費に困っている'),
        check('money_management_support', '金銭管理の支援が必要'),
        check('public_assistance_consult', '生活保護の相談が必要'),
      ],
    },
    {
      code: 'daily_life',
      title: '日常生活',
      questions: [
        single('meals', '食事', [['three_meals', '1日3食'], ['one_or_two', '1日1〜2食'], ['often_skipped', '欠食が多い']]),
        single('going_out', '外出頻度', [['daily', 'ほぼ毎日'], ['weekly', '週に数回'], ['monthly', '月に数回'], ['rarely', 'ほとんど外出しない']]),
        single(
          'withdrawal_period',
          'ひきこもり期間',
          [['none', 'なし'], ['under_6_months', '6か月未満'], ['half_to_1_year', '6か月〜1年'], ['years_1_to_3', '1〜3年'], ['years_3_to_5', '3〜5年'], ['over_5_years', '5年以上']],
          true,
        ),
        check('social_isolation', '相談相手・交流がない（社会的孤立）'),
        check('self_care_difficulty', '家事・身の回りのことが難しい'),
        check('school_refusal', '不登校'),
        text('daily_life_note', '日常生活についてのメモ'),
      ],
    },
  ],
};

/**
 * Publishes the standard set as version 1 when the municipality has no 'intake' set yet (setup,
 * demo seed). Idempotent; returns whether it inserted.
 */
export async function ensureDefaultQuestionSet(
  db: DbHandle,
  municipalityId: string,
  userId: string,
  options: { id?: string; now?: Date } = {},
): Promise<boolean> {
  assertDefinition(DEFAULT_DEFINITION);
  const existing = await db
    .selectFrom('assessment_question_set')
    .select('question_set_id')
    .where('municipality_id', '=', municipalityId)
    .where('code', '=', INTAKE_CODE)
    .executeTakeFirst();
  if (existing) return false;
  await db
    .insertInto('assessment_question_set')
    .values({
      municipality_id: municipalityId,
      question_set_id: options.id ?? newId(),
      code: INTAKE_CODE,
      version: 1,
      title: DEFAULT_TITLE,
      definition: JSON.stringify(DEFAULT_DEFINITION),
      published_at: options.now ?? new Date(),
      published_by_user_id: userId,
    })
    .execute();
  return true;
}
