import { describe, expect, it } from 'vitest';
import { isKanaOnly, looseKana, nameSearchKeys, normalizeKana, normalizeKanjiName } from './name-keys.js';

describe('normalizeKanjiName', () => {
  it.each([
    ['髙橋一郎', '高橋一郎'],
    ['山﨑 花子', '山崎花子'],
    ['山嵜花子', '山崎花子'],
    ['齋藤　隆', '斎藤隆'],
    ['齊藤隆', '斎藤隆'],
    ['斉藤隆', '斎藤隆'],
    ['斎藤隆', '斎藤隆'],
    ['渡邊 健', '渡辺健'],
    ['渡邉健', '渡辺健'],
    ['小澤', '小沢'],
    ['濱田', '浜田'],
    ['廣瀬', '広瀬'],
    ['德永', '徳永'],
    ['ﾔﾏﾀﾞ ﾀﾛｳ', 'ヤマダタロウ'],
    ['ＹＡＭＡＤＡ　Taro', 'yamadataro'],
    ['ジョン・スミス', 'ジョンスミス'],
    ['ｼﾞｮﾝ･ｽﾐｽ', 'ジョンスミス'],
    ['ジョン＝スミス', 'ジョンスミス'],
    ['山田\u00A0\t太郎', '山田太郎'],
    ['葛\u{E0100}飾', '葛飾'],
    ['\u200B山田\uFEFF', '山田'],
  ])('%s → %s', (input, key) => {
    expect(normalizeKanjiName(input)).toBe(key);
  });

  it('folds the whole 斎藤 family and the 渡辺 family to one key each', () => {
    expect(new Set(['齋藤', '齊藤', '斎藤', '斉藤', '齋 藤', '斉\u3000藤'].map(normalizeKanjiName)).size).toBe(1);
    expect(new Set(['渡邊', '渡邉', '渡辺', '渡 辺', '渡\u3000邉'].map(normalizeKanjiName)).size).toBe(1);
  });

  it('normalises the dash family to ー after kana only', () => {
    for (const dash of ['ー', '－', '―', '‐', '-', 'ｰ', '−', '—', '–']) expect(normalizeKanjiName(`サト${dash}`), dash).toBe('サトー');
    expect(normalizeKanjiName('あ-')).toBe('あー');
    expect(normalizeKanjiName('コ--ヒ-')).toBe('コーーヒー');
    expect(normalizeKanjiName('1－2－3')).toBe('1-2-3');
    expect(normalizeKanjiName('Jean-Luc')).toBe('jean-luc');
    expect(normalizeKanjiName('山-田')).toBe('山-田');
  });

  it('composes voiced marks however they were typed', () => {
    expect(normalizeKanjiName('ｶﾞ')).toBe('ガ');
    expect(normalizeKanjiName('か゛')).toBe('が');
    expect(normalizeKanjiName('か\u3099')).toBe('が');
    expect(normalizeKanjiName('は゜')).toBe('ぱ');
  });

  it('keeps kana in its script (the reading key is where scripts meet)', () => {
    expect(normalizeKanjiName('さくら')).toBe('さくら');
    expect(normalizeKanjiName('サクラ')).toBe('サクラ');
  });

  it.each([
    ['山田', '山本'],
    ['高橋', '髙嶋'],
    ['斎藤', '佐藤'],
    ['渡辺', '渡部'],
    ['崎', '埼'],
    ['祐子', '佑子'],
  ])('keeps different names apart: %s ≠ %s', (a, b) => {
    expect(normalizeKanjiName(a)).not.toBe(normalizeKanjiName(b));
  });
});

describe('normalizeKana', () => {
  it('ﾔﾏﾀﾞ ﾀﾛｳ ≡ やまだ たろう ≡ ヤマダ　タロウ', () => {
    const keys = ['ﾔﾏﾀﾞ ﾀﾛｳ', 'やまだ たろう', 'ヤマダ　タロウ', 'ヤマダ・タロウ', 'やまだたろう', 'ﾔﾏﾀﾞﾀﾛｳ'].map(normalizeKana);
    expect(new Set(keys)).toEqual(new Set(['やまだたろう']));
  });

  it.each([
    ['ｶﾞｯｺｳ', 'がっこう'],
    ['ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ', 'ぱぴぷぺぽ'],
    ['ヴァイオリン', 'ゔぁいおりん'],
    ['ｳﾞｨﾄﾝ', 'ゔぃとん'],
    ['ヷヸヹヺ', 'ゔぁゔぃゔぇゔぉ'],
    ['わ゙', 'ゔぁ'],
    ['ヵヶ', 'かけ'],
    ['ゕゖ', 'かけ'],
    ['ァィゥェォッャュョヮ', 'ぁぃぅぇぉっゃゅょゎ'],
    ['サトー', 'さとー'],
    ['ｻﾄｰ', 'さとー'],
    ['サト－', 'さとー'],
    ['ササキ', 'ささき'],
    ['ヽヾ', 'ゝゞ'],
    ['ウ゛', 'ゔ'],
    ['Ｓｍｉｔｈ', 'smith'],
  ])('%s → %s', (input, key) => {
    expect(normalizeKana(input)).toBe(key);
  });

  it('keeps small kana and the long vowel mark', () => {
    expect(normalizeKana('きょうこ')).not.toBe(normalizeKana('きようこ'));
    expect(normalizeKana('ゆうき')).not.toBe(normalizeKana('ゆーき'));
  });

  it.each([
    ['たなか', 'たかな'],
    ['やまだ', 'やまた'],
    ['さとう', 'さいとう'],
    ['ハシ', 'ハジ'],
  ])('keeps different readings apart: %s ≠ %s', (a, b) => {
    expect(normalizeKana(a)).not.toBe(normalizeKana(b));
    expect(looseKana(a)).not.toBe(looseKana(b));
  });
});

describe('looseKana', () => {
  it.each([
    ['きょうこ', 'きようこ'],
    ['キョウコ', 'きようこ'],
    ['がっこう', 'がつこう'],
    ['ゆーき', 'ゆき'],
    ['ヴィヴィアン', 'ぶいぶいあん'],
    ['ちぢみ', 'ちじみ'],
    ['つづき', 'つずき'],
    ['ヲ', 'お'],
    ['ゐゑ', 'いえ'],
    ['ﾋﾞｮｳｲﾝ', 'びよういん'],
  ])('%s → %s', (input, key) => {
    expect(looseKana(input)).toBe(key);
  });

  it('widens spelling variants of one reading to one key', () => {
    expect(looseKana('ゆうき')).not.toBe(looseKana('ゆーき')); // ー is dropped, not spelled out
    expect(looseKana('ユーキ')).toBe(looseKana('ゆき'));
    expect(looseKana('ぢろう')).toBe(looseKana('じろう'));
    expect(looseKana('ヴェニス')).toBe(looseKana('ぶぇにす'));
    expect(looseKana('ショウ')).toBe(looseKana('しよう'));
  });

  it('keeps voiced marks: か ≠ が', () => {
    expect(looseKana('かき')).not.toBe(looseKana('がき'));
  });
});

describe('isKanaOnly', () => {
  it.each(['やまだ', 'ヤマダ', 'ﾔﾏﾀﾞ ﾀﾛｳ', 'さとー', 'ジョン・スミス', 'ヴ', 'ヶ'])('%s is a reading', (s) => {
    expect(isKanaOnly(s)).toBe(true);
  });

  it.each(['', '   ', 'ー', '・', '山田', 'やまだ太郎', 'yamada', '1946', 'やまだ1'])('%s is not a reading', (s) => {
    expect(isKanaOnly(s)).toBe(false);
  });
});

describe('nameSearchKeys', () => {
  it('derives all three keys', () => {
    expect(nameSearchKeys({ name: '髙橋 一郎', kana: 'ﾀｶﾊｼ ｲﾁﾛｳ' })).toEqual({
      nameKey: '高橋一郎',
      kanaKey: 'たかはしいちろう',
      kanaLooseKey: 'たかはしいちろう',
    });
    expect(nameSearchKeys({ name: '佐藤 京子', kana: 'サトウ キョウコ' })).toEqual({
      nameKey: '佐藤京子',
      kanaKey: 'さとうきょうこ',
      kanaLooseKey: 'さとうきようこ',
    });
  });

  it('has no reading keys when no reading was given', () => {
    for (const kana of [undefined, null, '', ' \u3000', '・']) {
      expect(nameSearchKeys({ name: '山田太郎', kana })).toEqual({ nameKey: '山田太郎', kanaKey: null, kanaLooseKey: null });
    }
  });

  it('uses a kana-only name as its reading when none was given', () => {
    expect(nameSearchKeys({ name: 'ヤマダ ハナ' })).toEqual({ nameKey: 'ヤマダハナ', kanaKey: 'やまだはな', kanaLooseKey: 'やまだはな' });
    expect(nameSearchKeys({ name: 'やまだ', kana: 'ヤマダ' }).kanaKey).toBe('やまだ');
  });

  it('keeps a reading made only of ー as the strict key but not as a loose one', () => {
    expect(nameSearchKeys({ name: '某', kana: 'ーー' })).toEqual({ nameKey: '某', kanaKey: 'ーー', kanaLooseKey: null });
  });

  it('gives one person the same keys however the name was typed', () => {
    const a = nameSearchKeys({ name: '齋藤　德子', kana: 'ｻｲﾄｳ ﾉﾘｺ' });
    const b = nameSearchKeys({ name: '斉藤徳子', kana: 'さいとう のりこ' });
    expect(a).toEqual(b);
  });
});

describe('looseKana regressions', () => {
  it('folds a small kana followed by a half-width voicing mark in one pass (found by the property test)', () => {
    expect(looseKana('っﾞ')).toBe('ず');
    expect(looseKana(looseKana('っﾞ'))).toBe(looseKana('っﾞ'));
  });
});
