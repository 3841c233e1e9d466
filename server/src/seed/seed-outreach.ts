/**
 * デモ市's アウトリーチ: the 圏域 of each 民生委員 (minsei1 東部, minsei2 西部, minsei3 南部, …), the
 * default trust stages, ~15 leads in every stage with visits and letters, a few 気づきの連絡 behind
 * them, and contact cadences of which some have lapsed (連絡が途絶えている人 on ホーム).
 */
import type { DbHandle } from '../platform/db/database.js';
import type { AttemptKind, AttemptOutcome, LeadSource, LeadStatus, Urgency } from '../platform/db/schema-outreach.js';
import { isoDayInJapan } from '../consultation/japanese/japanese-date.js';
import { DEFAULT_TRUST_STAGES, ensureDefaultTrustStages } from '../outreach/trust-stage.repo.js';
import { NOTICED, type Noticed } from '../outreach/volunteer-reports.js';

interface SeedUser {
  loginName: string;
  userId: string;
  agencyIds: string[];
}

interface DemoLead {
  agency: string;
  area: 'east' | 'west' | 'south';
  worker: string | null;
  source: LeadSource;
  sourceDetail?: string;
  reporter?: string;
  noticed?: Noticed[];
  who: string;
  where: string;
  concern: string;
  urgency: Urgency;
  daysAgo: number;
  /** [days ago, kind, outcome, note] */
  attempts: Array<[number, AttemptKind, AttemptOutcome, string]>;
  /** Index in DEFAULT_TRUST_STAGES reached. */
  stage: number;
  cadence?: number;
  status?: Extract<LeadStatus, 'closed'>;
}

const LEADS: DemoLead[] = [
  { agency: 'houkatsu1', area: 'east', worker: 'houkatsu1', source: 'volunteer', reporter: 'minsei1', noticed: ['not_seen', 'mail_piling'], who: '80代女性（一人暮らし）', where: '東町3丁目 公民館の裏', concern: '', urgency: 'urgent', daysAgo: 40, attempts: [[38, 'visit', 'absent', '呼び鈴に応答なし。'], [35, 'letter', 'letter_left', '連絡先を書いた手紙を置いた。'], [30, 'visit', 'met', '玄関先で少し話せた。足が悪く外出できていない。']], stage: 2, cadence: 14 },
  { agency: 'houkatsu1', area: 'east', worker: 'houkatsu1', source: 'volunteer', reporter: 'minsei4', noticed: ['no_response'], who: '50代男性（80代の母と同居）', where: '東町5丁目 酒店の向かい', concern: '', urgency: 'normal', daysAgo: 25, attempts: [[22, 'visit', 'refused', '母は対応したが本人は出てこない。'], [12, 'visit', 'met', '母と面談。息子は10年以上ひきこもり。']], stage: 1, cadence: 7 },
  { agency: 'houkatsu1', area: 'east', worker: 'houkatsu1', source: 'meeting', sourceDetail: '支援会議（東部）', who: '70代夫婦', where: '東町1丁目 団地4号棟', concern: 'ごみが玄関の外まであふれている。近隣から苦情。', urgency: 'normal', daysAgo: 60, attempts: [[58, 'visit', 'absent', ''], [50, 'phone', 'no_answer', ''], [44, 'visit', 'met', '夫と話せた。片付けの手伝いには消極的。'], [20, 'visit', 'met', '片付けの相談に応じてもよいとのこと。']], stage: 3, cadence: 14 },
  { agency: 'houkatsu1', area: 'east', worker: null, source: 'neighbour', who: '高齢の男性（名前不明）', where: '東町2丁目 バス停の近く', concern: '夜中に外を歩いている。道に迷っている様子。', urgency: 'urgent', daysAgo: 2, attempts: [], stage: 0 },
  { agency: 'houkatsu1', area: 'east', worker: 'houkatsu1', source: 'agency', sourceDetail: '水道局', who: '60代男性', where: '東町4丁目', concern: '水道料金の滞納が続き、訪問しても応答がない。', urgency: 'normal', daysAgo: 90, attempts: [[85, 'visit', 'absent', ''], [70, 'letter', 'letter_left', '']], stage: 0, status: 'closed' },
  { agency: 'houkatsu2', area: 'west', worker: 'staff-houkatsu2-1', source: 'volunteer', reporter: 'minsei2', noticed: ['garbage', 'health'], who: '70代男性（一人暮らし）', where: '西町 神社の裏手', concern: '', urgency: 'normal', daysAgo: 30, attempts: [[28, 'visit', 'absent', ''], [21, 'visit', 'met', '体調が悪そう。受診を勧めた。']], stage: 1, cadence: 7 },
  { agency: 'houkatsu2', area: 'west', worker: 'staff-houkatsu2-1', source: 'self_family', sourceDetail: '別居の長女', who: '80代女性', where: '西町2丁目', concern: '別居の娘から。母が電話に出なくなり、物忘れが増えている。', urgency: 'normal', daysAgo: 18, attempts: [[16, 'phone', 'no_answer', ''], [14, 'visit', 'met', '本人と面談。娘の同席を希望。']], stage: 2, cadence: 30 },
  { agency: 'houkatsu2', area: 'west', worker: 'staff-houkatsu2-1', source: 'volunteer', reporter: 'minsei5', noticed: ['child'], who: '小学生の兄弟と母親', where: '西町3丁目 アパート2階', concern: '', urgency: 'urgent', daysAgo: 6, attempts: [[5, 'visit', 'absent', '']], stage: 0, cadence: 7 },
  { agency: 'houkatsu3', area: 'south', worker: 'staff-houkatsu3-1', source: 'volunteer', reporter: 'minsei3', noticed: ['not_seen'], who: '90代男性', where: '南町 川沿いの平屋', concern: '', urgency: 'emergency', daysAgo: 1, attempts: [], stage: 0 },
  { agency: 'houkatsu3', area: 'south', worker: 'staff-houkatsu3-1', source: 'meeting', sourceDetail: '地域ケア会議', who: '40代女性（親の介護をしている）', where: '南町1丁目', concern: '親の介護で仕事を辞めた。近所づきあいもない。', urgency: 'normal', daysAgo: 45, attempts: [[40, 'visit', 'met', '短時間だが話せた。'], [33, 'interview', 'met', '介護サービスの話を聞きたいとのこと。'], [10, 'phone', 'met', '']], stage: 3, cadence: 21 },
  { agency: 'houkatsu3', area: 'south', worker: 'staff-houkatsu3-1', source: 'other', sourceDetail: '配食サービス事業者', who: '70代女性', where: '南町4丁目', concern: '配食の弁当が手つかずで残っている日が続く。', urgency: 'urgent', daysAgo: 12, attempts: [[11, 'visit', 'met', '元気がない。食欲がないとのこと。'], [4, 'accompany', 'met', '受診に同行した。']], stage: 2, cadence: 7 },
  { agency: 'shakyo', area: 'east', worker: 'outreach', source: 'agency', sourceDetail: 'くらしサポートセンター', who: '30代男性（ネットカフェ生活）', where: '駅前', concern: '住まいがなく、日雇いで暮らしている。', urgency: 'normal', daysAgo: 50, attempts: [[48, 'interview', 'met', '駅前で会えた。'], [40, 'phone', 'no_answer', ''], [35, 'interview', 'met', '食事をしながら話した。']], stage: 2, cadence: 14 },
  { agency: 'shakyo', area: 'west', worker: 'outreach', source: 'neighbour', who: '20代の若者（ひきこもり）', where: '西町5丁目', concern: '近所の人から。数年間外に出ていないらしい。', urgency: 'normal', daysAgo: 70, attempts: [[68, 'letter', 'letter_left', '手紙を置いた。'], [55, 'letter', 'letter_left', '2通目。'], [40, 'visit', 'refused', '母親が「今はそっとしておいて」と。']], stage: 0, cadence: 30 },
  { agency: 'shakyo', area: 'south', worker: 'outreach', source: 'meeting', sourceDetail: '重層的支援会議', who: '60代男性', where: '南町2丁目', concern: '孤立している。以前は地域の行事に参加していた。', urgency: 'normal', daysAgo: 100, attempts: [[95, 'visit', 'met', ''], [80, 'visit', 'met', 'サロンに誘った。']], stage: 3, status: 'closed' },
  { agency: 'houkatsu1', area: 'east', worker: 'houkatsu1', source: 'volunteer', reporter: 'minsei7', noticed: ['mail_piling', 'no_response'], who: '70代男性', where: '東町6丁目 角の家', concern: '', urgency: 'normal', daysAgo: 8, attempts: [[7, 'visit', 'absent', ''], [6, 'letter', 'letter_left', '']], stage: 0, cadence: 3 },
];

const DAY = 86_400_000;

export async function seedOutreach(
  db: DbHandle,
  o: { municipalityId: string; areaIds: ReadonlyMap<string, string>; agencyIds: ReadonlyMap<string, string>; users: readonly SeedUser[]; now: Date; makeId: () => string },
): Promise<void> {
  const mid = o.municipalityId;
  const byLogin = new Map(o.users.map((u) => [u.loginName, u]));
  const areaCodes = ['east', 'west', 'south'];
  const volunteers = o.users.filter((u) => /^minsei\d+$/.test(u.loginName));
  if (volunteers.length > 0) {
    await db
      .insertInto('volunteer_area')
      .values(volunteers.map((u) => ({ municipality_id: mid, user_id: u.userId, area_id: o.areaIds.get(areaCodes[(Number(u.loginName.slice(6)) - 1) % 3]!)!, created_at: o.now, updated_at: o.now })))
      .execute();
  }
  await ensureDefaultTrustStages(db, mid, { now: o.now, makeId: o.makeId });
  const stages = await db.selectFrom('trust_stage').select(['stage_id', 'code']).where('municipality_id', '=', mid).execute();
  const stageId = (i: number) => stages.find((s) => s.code === DEFAULT_TRUST_STAGES[i]!.code)!.stage_id;
  const dayOf = (ago: number) => isoDayInJapan(new Date(o.now.getTime() - ago * DAY));
  const at = (ago: number) => new Date(o.now.getTime() - ago * DAY - 3 * 3_600_000);

  for (const l of LEADS) {
    const agencyId = o.agencyIds.get(l.agency)!;
    const worker = l.worker ? (byLogin.get(l.worker)?.userId ?? null) : null;
    const reporter = l.reporter ? byLogin.get(l.reporter) : undefined;
    const creator = reporter?.userId ?? worker ?? byLogin.get('houkatsu1')!.userId;
    const noticedText = (l.noticed ?? []).map((c) => NOTICED[c]).join('、');
    const concern = l.concern || `【気づき】${noticedText}`;
    const leadId = o.makeId();
    const met = l.attempts.some((a) => a[2] === 'met');
    const closed = l.status === 'closed';
    const stageDays = Array.from({ length: l.stage + 1 }, (_, i) => (i === 0 ? l.daysAgo : Math.max(0, l.daysAgo - Math.round(((l.daysAgo - 1) * i) / (l.stage + 1)))));
    await db
      .insertInto('outreach_lead')
      .values({
        municipality_id: mid,
        lead_id: leadId,
        agency_id: agencyId,
        area_id: o.areaIds.get(l.area) ?? null,
        source: reporter ? 'volunteer' : l.source,
        source_detail: l.sourceDetail ?? null,
        person_description: l.who,
        location: l.where,
        concern,
        urgency: l.urgency,
        assigned_user_id: worker,
        status: closed ? 'closed' : met ? 'in_contact' : 'open',
        close_reason: closed ? (met ? 'handled_elsewhere' : 'unreachable') : null,
        close_note: closed ? (met ? '地域のサロンにつながり、見守りは民生委員へ。' : '転居先不明。') : null,
        closed_on: closed ? dayOf(Math.max(0, (l.attempts.at(-1)?.[0] ?? l.daysAgo) - 5)) : null,
        trust_stage_id: stageId(l.stage),
        stage_changed_on: dayOf(stageDays.at(-1)!),
        opened_on: dayOf(l.daysAgo),
        created_by_user_id: creator,
        created_at: at(l.daysAgo),
        updated_at: o.now,
      })
      .execute();
    await db
      .insertInto('outreach_lead_stage')
      .values(stageDays.map((ago, i) => ({ municipality_id: mid, change_id: o.makeId(), lead_id: leadId, stage_id: stageId(i), changed_on: dayOf(ago), note: null, recorded_by_user_id: worker ?? creator, recorded_at: at(ago) })))
      .execute();
    if (l.attempts.length > 0) {
      await db
        .insertInto('contact_attempt')
        .values(
          l.attempts.map(([ago, kind, outcome, note]) => ({
            municipality_id: mid,
            attempt_id: o.makeId(),
            lead_id: leadId,
            occurred_at: at(ago),
            kind,
            outcome,
            note: note || null,
            agency_id: agencyId,
            recorded_by_user_id: worker ?? creator,
            created_at: at(ago),
            updated_at: at(ago),
          })),
        )
        .execute();
    }
    if (l.cadence && worker) {
      await db
        .insertInto('contact_cadence')
        .values({ municipality_id: mid, cadence_id: o.makeId(), lead_id: leadId, interval_days: l.cadence, starts_on: dayOf(l.daysAgo), agency_id: agencyId, set_by_user_id: worker, created_at: at(l.daysAgo), updated_at: at(l.daysAgo) })
        .execute();
    }
    if (reporter) {
      await db
        .insertInto('volunteer_report')
        .values({
          municipality_id: mid,
          report_id: o.makeId(),
          reported_by_user_id: reporter.userId,
          area_id: o.areaIds.get(l.area)!,
          responsible_agency_id: agencyId,
          subject_description: l.who,
          location: l.where,
          noticed: l.noticed ?? [],
          note: null,
          urgency: l.urgency,
          lead_id: leadId,
          reported_at: at(l.daysAgo),
          created_at: at(l.daysAgo),
          updated_at: at(l.daysAgo),
        })
        .execute();
    }
  }
}
