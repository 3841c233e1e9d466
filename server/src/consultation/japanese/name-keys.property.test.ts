import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isKanaOnly, looseKana, nameSearchKeys, normalizeKana, normalizeKanjiName } from './name-keys.js';
import { VARIANT_KANJI } from './variant-kanji.js';

const chars = (s: string) => [...s];
/** ァ (U+30A1) … ヶ (U+30F6): katakana with a hiragana partner 0x60 below (ヵヶ → ゕゖ). */
const KATAKANA = Array.from({ length: 0x30f6 - 0x30a1 + 1 }, (_, i) => String.fromCodePoint(0x30a1 + i));
const toHiraganaShift = (s: string) => [...s].map((c) => (KATAKANA.includes(c) ? String.fromCodePoint(c.codePointAt(0)! - 0x60) : c)).join('');

const SPACES = chars(' \u3000\t\u00A0・･');
const NAME_CHARS = [
  ...chars('山田本高橋佐藤斎渡辺崎島沢浜広徳太郎花子一'),
  ...VARIANT_KANJI.keys(),
  ...chars('やまだたろうさとうきょうこがっぱ'),
  ...chars('ヤマダタロウガッパヴ'),
  ...chars('ﾔﾏﾀﾞﾀﾛｳｶﾞｯﾊﾟｰ'),
  ...chars('ー－―‐-'),
  ...chars('ＡＢｃａＺ019０'),
];

/** Strings of name-like characters (kanji incl. variants, kana in both widths, dashes, Latin). */
const nameLike = fc.string({ unit: fc.constantFrom(...NAME_CHARS), maxLength: 12 });
/** Any Unicode code points, to catch surprises in NFKC/lowercasing. */
const anyText = fc.string({ unit: 'binary', maxLength: 16 });
const katakanaWord = fc.string({ unit: fc.constantFrom(...KATAKANA, 'ー'), minLength: 1, maxLength: 10 });

/** Insert whitespace/・ at code point boundaries chosen by `positions`. */
function withSpaces(s: string, inserts: { at: number; space: string }[]): string {
  const cs = [...s];
  for (const { at, space } of inserts) cs.splice(at % (cs.length + 1), 0, space);
  return cs.join('');
}
const inserts = fc.array(fc.record({ at: fc.nat(), space: fc.constantFrom(...SPACES) }), { maxLength: 5 });

const NO_WHITESPACE = /^[^\s\u30FB]*$/u;
const keyFns = { normalizeKanjiName, normalizeKana, looseKana } as const;

describe.each(Object.entries(keyFns))('%s (properties)', (_, fn) => {
  it('is idempotent on name-like and on arbitrary text', () => {
    fc.assert(fc.property(fc.oneof(nameLike, anyText), (s) => {
      expect(fn(fn(s))).toBe(fn(s));
    }));
  });

  it('never outputs whitespace or ・', () => {
    fc.assert(fc.property(fc.oneof(nameLike, anyText), (s) => {
      expect(fn(s)).toMatch(NO_WHITESPACE);
    }));
  });

  it('ignores whitespace and ・ inserted anywhere', () => {
    fc.assert(fc.property(nameLike, inserts, (s, ins) => {
      expect(fn(withSpaces(s, ins))).toBe(fn(s));
    }));
  });

  it('does not care about full width vs half width (NFKC first)', () => {
    fc.assert(fc.property(nameLike, (s) => {
      expect(fn(s.normalize('NFKC'))).toBe(fn(s));
    }));
  });
});

describe('reading keys (properties)', () => {
  it('katakana and hiragana spellings give the same key', () => {
    fc.assert(
      fc.property(katakanaWord, (kata) => {
        const hira = toHiraganaShift(kata);
        expect(normalizeKana(kata)).toBe(normalizeKana(hira));
        expect(looseKana(kata)).toBe(looseKana(hira));
      }),
    );
  });

  it('half-width katakana gives the same key as full width', () => {
    const halfToFull: [string, string][] = chars('ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝｧｨｩｪｫｯｬｭｮｰ').map((h) => [h, h.normalize('NFKC')]);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...halfToFull), { minLength: 1, maxLength: 10 }), (pairs) => {
        expect(normalizeKana(pairs.map(([h]) => h).join(''))).toBe(normalizeKana(pairs.map(([, f]) => f).join('')));
      }),
    );
  });

  it('a katakana word is kana-only, and its key is hiragana', () => {
    fc.assert(
      fc.property(katakanaWord.filter((w) => /[^ー]/.test(w)), (kata) => {
        expect(isKanaOnly(kata)).toBe(true);
        expect(normalizeKana(kata)).toMatch(/^[\u3041-\u3096ー]+$/u);
      }),
    );
  });

  it('the loose key is a function of the strict key (strict match implies loose match)', () => {
    fc.assert(fc.property(fc.oneof(nameLike, katakanaWord), (s) => {
      expect(looseKana(normalizeKana(s))).toBe(looseKana(s));
    }));
  });

  it('nameSearchKeys agrees with the individual functions', () => {
    fc.assert(
      fc.property(nameLike, nameLike, (name, kana) => {
        const keys = nameSearchKeys({ name, kana });
        expect(keys.nameKey).toBe(normalizeKanjiName(name));
        if (normalizeKana(kana) !== '') expect(keys.kanaKey).toBe(normalizeKana(kana));
      }),
    );
  });
});

describe('different names stay different (properties)', () => {
  const plainKanji = fc.constantFrom(...chars('山田本中川林森池石井上下'));
  it('names made of unrelated kanji differ whenever the strings differ', () => {
    fc.assert(
      fc.property(fc.array(plainKanji, { minLength: 1, maxLength: 4 }), fc.array(plainKanji, { minLength: 1, maxLength: 4 }), (a, b) => {
        fc.pre(a.join('') !== b.join(''));
        expect(normalizeKanjiName(a.join(''))).not.toBe(normalizeKanjiName(b.join('')));
      }),
    );
  });

  it('different orders of the same large kana differ (たなか ≠ たかな)', () => {
    const kana = fc.constantFrom(...chars('あいうかきくさしすたなはまやらわ'));
    fc.assert(
      fc.property(fc.array(kana, { minLength: 2, maxLength: 6 }), fc.array(kana, { minLength: 2, maxLength: 6 }), (a, b) => {
        fc.pre(a.join('') !== b.join(''));
        expect(normalizeKana(a.join(''))).not.toBe(normalizeKana(b.join('')));
        expect(looseKana(a.join(''))).not.toBe(looseKana(b.join('')));
      }),
    );
  });
});
