import { describe, expect, it } from 'vitest';
import { normalizeKanjiName } from './name-keys.js';
import { foldVariantKanji, VARIANT_KANJI } from './variant-kanji.js';

const cp = (s: string) => [...s].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase()}`).join(' ');

/** Every variant → canonical pair the brief names (DOMAIN.md §8 plus the list). */
const BRIEF_PAIRS: [string, string][] = [
  ['髙', '高'], ['﨑', '崎'], ['嵜', '崎'], ['齋', '斎'], ['齊', '斎'], ['斉', '斎'], ['邊', '辺'], ['邉', '辺'],
  ['澤', '沢'], ['濱', '浜'], ['廣', '広'], ['德', '徳'], ['國', '国'], ['櫻', '桜'], ['眞', '真'], ['惠', '恵'],
  ['藏', '蔵'], ['龍', '竜'], ['嶋', '島'], ['嶌', '島'], ['冨', '富'], ['桒', '桑'], ['籠', '篭'], ['檜', '桧'],
  ['實', '実'], ['萬', '万'], ['與', '与'], ['來', '来'], ['澁', '渋'], ['瀨', '瀬'], ['巖', '巌'], ['淺', '浅'],
  ['險', '険'], ['條', '条'], ['曾', '曽'], ['髮', '髪'], ['黑', '黒'], ['增', '増'], ['兒', '児'], ['壽', '寿'],
  ['禮', '礼'], ['靜', '静'], ['驛', '駅'], ['鐵', '鉄'], ['圓', '円'], ['廳', '庁'], ['假', '仮'], ['學', '学'],
  ['會', '会'], ['舊', '旧'], ['縣', '県'], ['晝', '昼'], ['豐', '豊'], ['靑', '青'], ['淸', '清'], ['莊', '荘'],
  ['將', '将'], ['步', '歩'], ['每', '毎'],
];

/** Extra name variants beyond the brief. */
const EXTRA_PAIRS: [string, string][] = [
  ['𥔎', '崎'], ['𠮷', '吉'], ['濵', '浜'], ['榮', '栄'], ['彌', '弥'], ['瀧', '滝'], ['峯', '峰'], ['穗', '穂'],
  ['槇', '槙'], ['亞', '亜'], ['傳', '伝'], ['應', '応'], ['寶', '宝'], ['寳', '宝'], ['繪', '絵'], ['賴', '頼'],
  ['栁', '柳'], ['遙', '遥'], ['凜', '凛'], ['嶽', '岳'], ['戶', '戸'], ['樂', '楽'], ['鷗', '鴎'], ['聰', '聡'],
  ['晉', '晋'], ['峽', '峡'], ['廸', '迪'], ['瑤', '瑶'], ['莖', '茎'], ['驒', '騨'],
];

describe('variant kanji table', () => {
  it.each([...BRIEF_PAIRS, ...EXTRA_PAIRS])('%s folds to %s', (variant, canonical) => {
    expect(variant).not.toBe(canonical);
    expect(normalizeKanjiName(variant)).toBe(canonical);
    expect(normalizeKanjiName(canonical)).toBe(canonical);
  });

  it('holds exactly the listed pairs', () => {
    const listed = new Map([...BRIEF_PAIRS, ...EXTRA_PAIRS]);
    expect(listed.size).toBe(BRIEF_PAIRS.length + EXTRA_PAIRS.length);
    expect(new Map(VARIANT_KANJI)).toEqual(listed);
  });

  it('only holds characters NFKC leaves alone (NFKC handles the rest; no duplication)', () => {
    for (const [variant, canonical] of VARIANT_KANJI) {
      expect(variant.normalize('NFKC'), cp(variant)).toBe(variant);
      expect(canonical.normalize('NFKC'), cp(canonical)).toBe(canonical);
      expect([...variant]).toHaveLength(1);
      expect([...canonical]).toHaveLength(1);
    }
  });

  it('never maps to a character that is itself folded (idempotent)', () => {
    for (const canonical of VARIANT_KANJI.values()) expect(VARIANT_KANJI.has(canonical), canonical).toBe(false);
  });

  it('does not fold 祐 (a different given-name character from 佑)', () => {
    expect(normalizeKanjiName('祐')).toBe('祐');
    expect(normalizeKanjiName('祐')).not.toBe(normalizeKanjiName('佑'));
  });

  it('leaves other text untouched, including non-BMP characters that are not variants', () => {
    expect(foldVariantKanji('山田太郎 abc 😀 𩸽')).toBe('山田太郎 abc 😀 𩸽');
  });
});

describe('CJK compatibility ideographs: what NFKC already does', () => {
  it.each([
    ['\uFA10', '塚', '塚 U+FA10'],
    ['\uFA19', '神', '神 U+FA19'],
    ['\uFA4F', '祐', '祐 U+FA4F'],
    ['\uFA1A', '祥', '祥 U+FA1A'],
    ['\u2F7C', '老', 'Kangxi radical ⽼'],
  ])('NFKC maps %s to %s (%s), so the table does not list it', (compat, unified) => {
    expect(compat.normalize('NFKC')).toBe(unified);
    expect(VARIANT_KANJI.has(compat)).toBe(false);
    expect(normalizeKanjiName(compat)).toBe(unified);
  });

  it('﨑 U+FA11 is not mapped by NFKC, hence the table entry', () => {
    expect('\uFA11'.normalize('NFKC')).toBe('\uFA11');
    expect(normalizeKanjiName('山\uFA11')).toBe('山崎');
  });
});
