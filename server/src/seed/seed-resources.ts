/**
 * デモ市's 地域資源 directory: about 25 services across the Kasane taxonomy in the three 圏域 —
 * 就労体験 with 受入枠 (one with a waiting list), 子ども食堂, サロン, 居場所, 通いの場 … — with
 * weekly and monthly schedules, ages, fees and languages. A few were last checked more than 12
 * months ago (or never), so 要再確認 shows. Inserted in a handful of batched statements.
 */
import type { DbHandle } from '../platform/db/database.js';
import type { ServiceStatus } from '../platform/db/schema-resources.js';
import { ensureDefaultTaxonomy, KASANE_TAXONOMY } from '../resources/default-taxonomy.js';

type Area = 'east' | 'west' | 'south';
type Sched = readonly [freq: 'WEEKLY' | 'MONTHLY', byday: string, opens: string, closes: string];

const ORGS: Readonly<Record<string, { name: string; description: string; phone: string; website?: string }>> = {
  shakyo: {
    name: 'デモ市社会福祉協議会',
    description: '地域福祉の推進を目的とする社会福祉法人。サロン、ボランティアセンター、配食、見守りを運営。',
    phone: '099-100-0001',
    website: 'https://example.org/demo-shakyo',
  },
  hot: { name: 'NPO法人 ほっとスペース', description: 'ひきこもりや生きづらさを抱える人と家族の居場所・就労体験を運営するNPO。', phone: '099-100-0002' },
  table: { name: 'みんなのテーブル実行委員会', description: '東町の住民ボランティアによる子ども食堂の実行委員会。', phone: '099-100-0003' },
  higashi: { name: '東町自治会', description: '東町の自治会。通いの場と見守り活動を行う。', phone: '099-100-0004' },
  sukusuku: { name: 'NPO法人 子育てネットすくすく', description: '子育てひろばと子育て相談を運営。', phone: '099-100-0005' },
  city: { name: 'デモ市 福祉総合相談課', description: '重層的支援体制整備事業の担当課。分野を問わない相談を受け付ける。', phone: '099-100-0006', website: 'https://example.org/demo-city' },
  manabiya: { name: 'NPO法人 まなびや', description: '子どもの学習支援と居場所づくり。', phone: '099-100-0007' },
  keyaki: { name: '社会福祉法人 けやき会', description: '障害福祉サービス事業所を運営。就労体験の受け入れに協力。', phone: '099-100-0008' },
  foodbank: { name: 'NPO法人 フードバンクでも', description: '食品の寄付を受け、必要な家庭に届ける。', phone: '099-100-0009' },
  sumai: { name: 'NPO法人 すまいサポートでも', description: '居住支援法人。住まい探しと入居後の見守り。', phone: '099-100-0010' },
  midori: { name: '株式会社 みどり農園', description: '南町の農業法人。農作業体験を受け入れる協力事業者。', phone: '099-100-0011' },
  nikoniko: { name: '南町子ども食堂にこにこ', description: '南町の子ども食堂。', phone: '099-100-0012' },
  minami: { name: '南町自治会', description: '南町の自治会。介護予防の通いの場を運営。', phone: '099-100-0013' },
  machikyo: { name: '南部まちづくり協議会', description: '南部圏域の住民組織。住民ボランティアによる送迎を行う。', phone: '099-100-0014' },
  library: { name: 'デモ市立図書館', description: '市立図書館。就労体験・ボランティアを受け入れる。', phone: '099-100-0015' },
  kokusai: { name: 'デモ市国際交流協会', description: '外国にルーツのある住民の生活支援と日本語教室。', phone: '099-100-0016' },
};

const PLACES: Readonly<Record<string, { name: string; address: string; postal: string; area: Area; org: string }>> = {
  higashiKominkan: { name: '東町公民館', address: 'デモ県デモ市東町1-2-3', postal: '990-0101', area: 'east', org: 'shakyo' },
  higashiCenter: { name: '東町地区センター', address: 'デモ県デモ市東町3-1-8', postal: '990-0102', area: 'east', org: 'table' },
  higashiShukai: { name: '東町集会所', address: 'デモ県デモ市東町5-4-1', postal: '990-0103', area: 'east', org: 'higashi' },
  hotCafe: { name: 'ほっとカフェ', address: 'デモ県デモ市西町2-7-15', postal: '990-0201', area: 'west', org: 'hot' },
  sukusuku: { name: '子育てひろば すくすく', address: 'デモ県デモ市東町2-9-1', postal: '990-0104', area: 'east', org: 'sukusuku' },
  cityHall: { name: 'デモ市役所 1階 福祉総合相談窓口', address: 'デモ県デモ市本町1-1', postal: '990-0001', area: 'east', org: 'city' },
  manabiya: { name: 'まなびや教室', address: 'デモ県デモ市西町4-2-6', postal: '990-0202', area: 'west', org: 'manabiya' },
  keyaki: { name: 'けやき工房', address: 'デモ県デモ市西町工業団地12', postal: '990-0203', area: 'west', org: 'keyaki' },
  nishiHall: { name: '西町ふれあい会館', address: 'デモ県デモ市西町1-1-20', postal: '990-0204', area: 'west', org: 'shakyo' },
  foodbank: { name: 'フードバンクでも 倉庫', address: 'デモ県デモ市西町6-3-2', postal: '990-0205', area: 'west', org: 'foodbank' },
  shakyo: { name: 'デモ市総合福祉センター', address: 'デモ県デモ市本町2-5-1', postal: '990-0002', area: 'west', org: 'shakyo' },
  sumai: { name: 'すまいサポートでも 事務所', address: 'デモ県デモ市西町3-8-4', postal: '990-0206', area: 'west', org: 'sumai' },
  midori: { name: 'みどり農園', address: 'デモ県デモ市南町8-1', postal: '990-0301', area: 'south', org: 'midori' },
  minamiCenter: { name: '南町コミュニティセンター', address: 'デモ県デモ市南町2-3-5', postal: '990-0302', area: 'south', org: 'minami' },
  library: { name: 'デモ市立図書館 南分館', address: 'デモ県デモ市南町4-10-2', postal: '990-0303', area: 'south', org: 'library' },
  kokusai: { name: '国際交流プラザ', address: 'デモ県デモ市南町1-6-9', postal: '990-0304', area: 'south', org: 'kokusai' },
};

interface SeedService {
  org: string;
  name: string;
  description: string;
  terms: string[];
  place: string | null;
  areas?: Area[];
  schedules: Sched[];
  min?: number;
  max?: number;
  capacity?: number;
  waitlist?: number;
  fee?: Array<[option: string, amount: number | null]>;
  eligibility?: string;
  application?: string;
  languages?: string[];
  status?: ServiceStatus;
  /** Days since it was last checked; null = never. */
  assured: number | null;
}

const WEEKDAYS = 'MO,TU,WE,TH,FR';
const SERVICES: readonly SeedService[] = [
  {
    org: 'shakyo',
    name: 'ふれあいいきいきサロン「ひだまり」',
    description: '歌や体操、お茶を楽しむ高齢者のサロン。',
    terms: ['salon'],
    place: 'higashiKominkan',
    schedules: [['WEEKLY', 'TU', '13:30', '15:30']],
    min: 65,
    fee: [['参加費', 100]],
    assured: 40,
  },
  {
    org: 'table',
    name: '子ども食堂「みんなのテーブル」',
    description: '子どもは無料、大人は300円。誰でも来られる地域の食堂。',
    terms: ['kodomo_shokudo', 'ibasho'],
    place: 'higashiCenter',
    schedules: [['MONTHLY', '2SA,4SA', '11:30', '14:00']],
    fee: [
      ['子ども', 0],
      ['大人', 300],
    ],
    application: '予約不要。直接お越しください。',
    assured: 20,
  },
  {
    org: 'higashi',
    name: 'いきいき百歳体操（東町）',
    description: 'おもりを使った介護予防の体操。住民が運営する通いの場。',
    terms: ['kayoinoba'],
    place: 'higashiShukai',
    schedules: [['WEEKLY', 'MO,TH', '10:00', '11:00']],
    min: 60,
    fee: [['参加費', 0]],
    assured: 200,
  },
  {
    org: 'shakyo',
    name: '東部見守りネットワーク',
    description: '民生委員・自治会・新聞販売店などが連携して、ひとり暮らし高齢者を見守る。',
    terms: ['mimamori'],
    place: null,
    areas: ['east'],
    schedules: [],
    min: 65,
    assured: 500,
  },
  {
    org: 'hot',
    name: '就労体験「ほっとカフェ」実習',
    description: 'カフェでの接客・調理補助の体験。1日3時間から、体調に合わせて。',
    terms: ['work_experience'],
    place: 'hotCafe',
    schedules: [['WEEKLY', 'MO,WE,FR', '10:00', '15:00']],
    min: 15,
    max: 64,
    capacity: 3,
    waitlist: 2,
    eligibility: 'ひきこもりの状態にある人、就労に不安のある人。',
    application: '相談支援員を通じて申し込み。見学可。',
    fee: [['参加費', 0]],
    assured: 30,
  },
  {
    org: 'sukusuku',
    name: '子育てひろば「すくすく」',
    description: '未就学児と保護者が自由に遊び、子育ての相談ができる。',
    terms: ['childcare_support', 'ibasho'],
    place: 'sukusuku',
    schedules: [['WEEKLY', WEEKDAYS, '09:30', '15:00']],
    max: 6,
    languages: ['ja', 'ja-x-easy'],
    fee: [['利用料', 0]],
    assured: 100,
  },
  {
    org: 'city',
    name: 'くらしの相談窓口（福祉総合相談）',
    description: '高齢・障害・子ども・生活困窮など分野を問わず、まず相談を受け付ける窓口。',
    terms: ['consultation_desk'],
    place: 'cityHall',
    areas: ['east', 'west', 'south'],
    schedules: [['WEEKLY', WEEKDAYS, '08:30', '17:15']],
    languages: ['ja', 'ja-x-easy', 'en'],
    fee: [['相談料', 0]],
    assured: 10,
  },
  {
    org: 'hot',
    name: 'ひきこもり家族の会「つむぎ」',
    description: 'ひきこもりの子をもつ家族が語り合う会。',
    terms: ['peer_support'],
    place: 'hotCafe',
    schedules: [['MONTHLY', '3SU', '13:30', '16:00']],
    fee: [['参加費', 200]],
    assured: 380,
  },
  {
    org: 'hot',
    name: '居場所「ほっとカフェ」',
    description: '予約なしで立ち寄れる居場所。ボードゲームや読書、話し相手。',
    terms: ['ibasho'],
    place: 'hotCafe',
    schedules: [['WEEKLY', 'TU,TH,SA', '12:00', '17:00']],
    min: 15,
    fee: [['飲み物', 100]],
    assured: 60,
  },
  {
    org: 'manabiya',
    name: '学習支援教室「まなびや」',
    description: '中学生・高校生の学習支援。大学生ボランティアが教える。',
    terms: ['learning_support', 'ibasho'],
    place: 'manabiya',
    schedules: [['WEEKLY', 'WE,FR', '17:00', '19:30']],
    min: 12,
    max: 18,
    capacity: 20,
    fee: [['利用料', 0]],
    assured: 150,
  },
  {
    org: 'keyaki',
    name: '就労体験「けやき工房」軽作業',
    description: '部品の袋詰めや検品などの軽作業を体験。職員が付き添う。',
    terms: ['work_experience'],
    place: 'keyaki',
    schedules: [['WEEKLY', 'TU,TH', '09:30', '15:30']],
    min: 18,
    max: 64,
    capacity: 2,
    waitlist: 0,
    application: '事前に見学と面談があります。',
    assured: 90,
  },
  {
    org: 'shakyo',
    name: '西町サロン「ゆうゆう」',
    description: '茶話会と脳トレのサロン。',
    terms: ['salon'],
    place: 'nishiHall',
    schedules: [['MONTHLY', '1WE,3WE', '13:30', '15:30']],
    min: 60,
    fee: [['参加費', 100]],
    assured: 420,
  },
  {
    org: 'foodbank',
    name: 'フードパントリー',
    description: '食品を無料で受け取れる。事前申込制。',
    terms: ['food_bank'],
    place: 'foodbank',
    areas: ['east', 'west', 'south'],
    schedules: [['MONTHLY', '2SA', '10:00', '12:00']],
    application: '電話または相談窓口で事前に申し込み。',
    fee: [['食品', 0]],
    assured: 45,
  },
  {
    org: 'shakyo',
    name: 'ボランティアセンター',
    description: 'ボランティアをしたい人と、求める団体をつなぐ。',
    terms: ['volunteer', 'consultation_desk'],
    place: 'shakyo',
    areas: ['east', 'west', 'south'],
    schedules: [['WEEKLY', WEEKDAYS, '09:00', '17:00']],
    min: 15,
    assured: 120,
  },
  {
    org: 'sumai',
    name: '住まいの相談「すまいサポート」',
    description: '住まい探し、保証人がいないときの相談、入居後の見守り。',
    terms: ['housing_support', 'consultation_desk'],
    place: 'sumai',
    areas: ['east', 'west', 'south'],
    schedules: [['WEEKLY', 'MO,WE,FR', '10:00', '16:00']],
    fee: [['相談料', 0]],
    assured: 250,
  },
  {
    org: 'midori',
    name: '農作業体験（みどり農園）',
    description: '野菜の収穫や袋詰めの体験。屋外作業が中心。',
    terms: ['work_experience', 'volunteer'],
    place: 'midori',
    schedules: [['WEEKLY', 'WE,SA', '09:00', '12:00']],
    min: 16,
    capacity: 4,
    eligibility: '体を動かすことに不安がない人。',
    assured: 70,
  },
  {
    org: 'nikoniko',
    name: '南町子ども食堂「にこにこ」',
    description: '毎月第1日曜のお昼ごはん。宿題コーナーもあり。',
    terms: ['kodomo_shokudo'],
    place: 'minamiCenter',
    schedules: [['MONTHLY', '1SU', '12:00', '14:00']],
    fee: [
      ['子ども', 0],
      ['大人', 300],
    ],
    assured: null,
  },
  {
    org: 'minami',
    name: '通いの場「南町げんき教室」',
    description: '体操と口腔体操、おしゃべりの会。',
    terms: ['kayoinoba'],
    place: 'minamiCenter',
    schedules: [['WEEKLY', 'WE', '10:00', '11:30']],
    min: 65,
    assured: 300,
  },
  {
    org: 'shakyo',
    name: '配食サービス「まごころ弁当」',
    description: 'ひとり暮らし高齢者へ昼食を届け、あわせて安否を確認する。',
    terms: ['meal_delivery', 'mimamori'],
    place: null,
    areas: ['west', 'south'],
    schedules: [['WEEKLY', WEEKDAYS, '11:00', '13:00']],
    min: 65,
    fee: [['1食', 500]],
    assured: 180,
  },
  {
    org: 'machikyo',
    name: 'おでかけサポート（住民送迎）',
    description: '通院・買い物のための住民ボランティアによる送迎。',
    terms: ['mobility_support', 'volunteer'],
    place: null,
    areas: ['south'],
    schedules: [['WEEKLY', 'TU,FR', '09:00', '16:00']],
    min: 65,
    fee: [['1回', 200]],
    assured: 460,
  },
  {
    org: 'shakyo',
    name: '南部サロン「ひまわり」',
    description: '手芸や季節の行事を楽しむ、世代を問わないサロン。',
    terms: ['salon', 'ibasho'],
    place: 'minamiCenter',
    schedules: [['WEEKLY', 'TH', '13:00', '15:00']],
    fee: [['参加費', 100]],
    assured: 15,
  },
  {
    org: 'library',
    name: '就労体験（図書館の書架整理）',
    description: '返却本の配架と書架整理。静かな環境で短時間から。',
    terms: ['work_experience', 'volunteer'],
    place: 'library',
    schedules: [['WEEKLY', 'TU', '10:00', '12:00']],
    min: 18,
    capacity: 1,
    waitlist: 3,
    assured: 130,
  },
  {
    org: 'kokusai',
    name: '日本語教室「ともだち」',
    description: '外国にルーツのある人のための日本語教室と生活相談。',
    terms: ['learning_support', 'consultation_desk'],
    place: 'kokusai',
    schedules: [['WEEKLY', 'SU', '10:00', '12:00']],
    languages: ['ja', 'ja-x-easy', 'en', 'vi', 'zh'],
    fee: [['参加費', 0]],
    assured: 200,
  },
  {
    org: 'manabiya',
    name: '小学生の学習会',
    description: '小学生の宿題の手伝い。指導者不足のため一時休止中。',
    terms: ['learning_support'],
    place: 'manabiya',
    schedules: [['WEEKLY', 'MO', '16:00', '17:30']],
    min: 6,
    max: 12,
    status: 'temporarily closed',
    assured: 600,
  },
  { org: 'higashi', name: '東町ふれあい農園', description: '住民の共同農園。土地の返還により閉園した。', terms: ['ibasho'], place: 'higashiShukai', schedules: [], status: 'defunct', assured: 800 },
];

const LANGUAGE_NAMES: Readonly<Record<string, string>> = { ja: '日本語', 'ja-x-easy': 'やさしい日本語', en: '英語', vi: 'ベトナム語', zh: '中国語' };

const dayBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);

export async function seedResources(db: DbHandle, o: { municipalityId: string; areaIds: ReadonlyMap<string, string>; now: Date; makeId: () => string }): Promise<void> {
  const mid = o.municipalityId;
  const m = { municipality_id: mid };
  await ensureDefaultTaxonomy(db, mid, { makeId: o.makeId, now: o.now });
  const terms = await db.selectFrom('resource_taxonomy_term').select(['term_id', 'code']).where('municipality_id', '=', mid).where('taxonomy', '=', KASANE_TAXONOMY).execute();
  const termId = new Map(terms.map((t) => [t.code, t.term_id]));
  const area = (a: Area) => o.areaIds.get(a) ?? null;

  const orgIds = new Map(Object.keys(ORGS).map((k) => [k, o.makeId()]));
  await db
    .insertInto('resource_organization')
    .values(
      Object.entries(ORGS).map(([k, v]) => ({
        ...m,
        organization_id: orgIds.get(k)!,
        name: v.name,
        description: v.description,
        phone: v.phone,
        website: v.website ?? null,
        created_at: o.now,
        updated_at: o.now,
      })),
    )
    .execute();
  const placeIds = new Map(Object.keys(PLACES).map((k) => [k, o.makeId()]));
  await db
    .insertInto('resource_location')
    .values(
      Object.entries(PLACES).map(([k, p]) => ({
        ...m,
        organization_id: orgIds.get(p.org)!,
        location_id: placeIds.get(k)!,
        name: p.name,
        address: p.address,
        postal_code: p.postal,
        area_id: area(p.area),
        created_at: o.now,
        updated_at: o.now,
      })),
    )
    .execute();

  const rows = SERVICES.map((s) => ({ s, id: o.makeId() }));
  await db
    .insertInto('resource_service')
    .values(
      rows.map(({ s, id }) => ({
        ...m,
        service_id: id,
        organization_id: orgIds.get(s.org)!,
        name: s.name,
        description: s.description,
        phone: ORGS[s.org]!.phone,
        status: s.status ?? 'active',
        application_process: s.application ?? null,
        eligibility_description: s.eligibility ?? null,
        fees_description: s.fee?.map(([opt, yen]) => `${opt}: ${yen === 0 ? '無料' : `${yen}円`}`).join('、') ?? null,
        minimum_age: s.min ?? null,
        maximum_age: s.max ?? null,
        capacity: s.capacity ?? null,
        waitlist_count: s.waitlist ?? null,
        assured_date: s.assured === null ? null : dayBefore(o.now, s.assured),
        assured_by: s.assured === null ? null : '訪問 つなぐ',
        last_modified: o.now,
        created_at: o.now,
        updated_at: o.now,
      })),
    )
    .execute();
  const service = (id: string) => ({ ...m, service_id: id });
  await db
    .insertInto('resource_service_term')
    .values(rows.flatMap(({ s, id }) => s.terms.map((code) => ({ ...service(id), term_id: termId.get(code)! }))))
    .execute();
  const links = rows.flatMap(({ s, id }) => (s.place ? [{ ...service(id), service_at_location_id: o.makeId(), location_id: placeIds.get(s.place)! }] : []));
  await db.insertInto('resource_service_at_location').values(links).execute();
  const schedules = rows.flatMap(({ s, id }) =>
    s.schedules.map(([freq, byday, opens, closes]) => ({
      ...service(id),
      schedule_id: o.makeId(),
      location_id: s.place ? placeIds.get(s.place)! : null,
      freq,
      byday,
      opens_at: opens,
      closes_at: closes,
    })),
  );
  await db.insertInto('resource_schedule').values(schedules).execute();
  const areaNames = new Map((await db.selectFrom('municipal_area').select(['area_id', 'name']).where('municipality_id', '=', mid).execute()).map((a) => [a.area_id, a.name]));
  const areas = rows.flatMap(({ s, id }) => {
    const codes = s.areas ?? (s.place ? [PLACES[s.place]!.area] : []);
    return codes.map((c) => ({ ...service(id), service_area_id: o.makeId(), area_id: area(c), name: areaNames.get(area(c) ?? '') ?? c }));
  });
  await db.insertInto('resource_service_area').values(areas).execute();
  const languages = rows.flatMap(({ s, id }) => (s.languages ?? ['ja']).map((code) => ({ ...service(id), language_id: o.makeId(), code, name: LANGUAGE_NAMES[code] ?? code })));
  await db.insertInto('resource_language').values(languages).execute();
  const costs = rows.flatMap(({ s, id }) => (s.fee ?? []).map(([option, amount]) => ({ ...service(id), cost_option_id: o.makeId(), option, amount })));
  await db.insertInto('resource_cost_option').values(costs).execute();
}
