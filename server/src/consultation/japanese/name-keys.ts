/**
 * Search keys for Japanese person names: whatever width, script, spacing or old kanji a name was typed
 * with, the same person gets the same key. Keys are derived data (stored beside what was typed, never
 * instead of it) and must be computed by these functions on both the stored and the query side.
 *
 * Pure and dependency-free. See DOMAIN.md §8 and STYLE.md "Japanese text".
 */
import { foldVariantKanji } from './variant-kanji.js';

/**
 * Removed from every key: all whitespace (incl. U+3000 ideographic space, NBSP, BOM), zero-width
 * characters, variation selectors (SVS U+FE00–FE0F, IVS U+E0100–E01EF …: 葛󠄀 and 葛 are one key),
 * and name separators (middle dots ・ ･ · ‧ ∙ ⋅, ゠ and = as in foreign names "ジョン＝スミス").
 */
const SEPARATORS = /[\s\u200B-\u200D\u2060\u30FB\u00B7\u2027\u2219\u22C5\u30A0=]|\p{Variation_Selector}/gu;

/**
 * The long-vowel / dash family (ー － ― ‐ ‑ ‒ – — − ｰ and ASCII -), once NFKC has run. A run of them right
 * after kana (or after ー) becomes ー: サト- ≡ サトー. Elsewhere ("1-2-3", "a-b") hyphens are kept.
 */
const DASH_AFTER_KANA = /(?<=[\p{Script=Hiragana}\p{Script=Katakana}\u30FC\u3099\u309A])[-\u2010-\u2015\u2212\u30FC]+/gu;

/** Spacing (voiced) sound marks ゛゜ → combining marks, so that か゛ composes to が instead of NFKC's "か ゙". */
const SPACING_MARKS = /[\u309B\u309C]/g;

/** NFKC, separators out, recompose, dash family folded: the steps the name and reading keys share. */
function baseNormalize(s: string): string {
  const marked = s.replace(SPACING_MARKS, (m) => (m === '\u309B' ? '\u3099' : '\u309A'));
  const compact = marked.normalize('NFKC').replace(SEPARATORS, '').normalize('NFC');
  return compact.replace(DASH_AFTER_KANA, (run) => 'ー'.repeat([...run].length)).toLowerCase();
}

/**
 * Name key: NFKC (full/half width), no whitespace or ・, old/variant kanji folded (髙→高, 﨑→崎,
 * 齋/齊/斉→斎, 邊/邉→辺 …; see variant-kanji.ts), dashes after kana → ー, Latin lowercased.
 * Kana stays in the script it was typed in (the reading key is where ひらがな ≡ カタカナ).
 */
export function normalizeKanjiName(s: string): string {
  return foldVariantKanji(baseNormalize(s));
}

/** Katakana with no one-to-one hiragana partner under the U+60 shift. */
const KATAKANA_SPECIAL: ReadonlyMap<string, string> = new Map([
  ['ヵ', 'か'],
  ['ヶ', 'け'],
  ['ゕ', 'か'],
  ['ゖ', 'け'],
  ['ヷ', 'わ\u3099'],
  ['ヸ', 'ゐ\u3099'],
  ['ヹ', 'ゑ\u3099'],
  ['ヺ', 'を\u3099'],
  ['ヽ', 'ゝ'],
  ['ヾ', 'ゞ'],
]);

/** わ゙ ゐ゙ ゑ゙ を゙ (no precomposed hiragana) read as ゔぁ ゔぃ ゔぇ ゔぉ, as ヷ ヸ ヹ ヺ do. */
const VOICED_W: ReadonlyMap<string, string> = new Map([
  ['わ', 'ゔぁ'],
  ['ゐ', 'ゔぃ'],
  ['ゑ', 'ゔぇ'],
  ['を', 'ゔぉ'],
]);

function toHiragana(s: string): string {
  let out = '';
  for (const ch of s) {
    const special = KATAKANA_SPECIAL.get(ch);
    if (special !== undefined) {
      out += special;
      continue;
    }
    const cp = ch.codePointAt(0)!;
    // ァ (U+30A1) … ヴ (U+30F4) → ぁ … ゔ; ヵヶ are handled above.
    out += cp >= 0x30a1 && cp <= 0x30f4 ? String.fromCodePoint(cp - 0x60) : ch;
  }
  return out.replace(/([わゐゑを])\u3099/g, (_, w: string) => VOICED_W.get(w)!);
}

/**
 * Reading key (ふりがな/フリガナ): NFKC (ﾔﾏﾀﾞ → ヤマダ, ｶﾞ → ガ), katakana → hiragana (ヴ → ゔ, ヵ/ヶ → か/け),
 * no whitespace or ・. Small kana and the long vowel mark ー are kept (dashes after kana become ー).
 */
export function normalizeKana(s: string): string {
  return toHiragana(baseNormalize(s));
}

/** Widening for the reading key: small → large, ゔ → ぶ, ぢ/づ → じ/ず, を/ゐ/ゑ → お/い/え, no ー. */
const LOOSE: ReadonlyMap<string, string> = new Map(
  [
    'ぁあ', 'ぃい', 'ぅう', 'ぇえ', 'ぉお', 'っつ', 'ゃや', 'ゅゆ', 'ょよ', 'ゎわ', 'ゔぶ', 'ぢじ', 'づず', 'をお', 'ゐい', 'ゑえ',
    // Small katakana of the phonetic extensions block (Ainu), which have no hiragana form.
    'ㇰく', 'ㇱし', 'ㇲす', 'ㇳと', 'ㇴぬ', 'ㇵは', 'ㇶひ', 'ㇷふ', 'ㇸへ', 'ㇹほ', 'ㇺむ', 'ㇻら', 'ㇼり', 'ㇽる', 'ㇾれ', 'ㇿろ',
  ].map((pair): [string, string] => [pair[0]!, pair[1]!]),
);

/**
 * Loose reading key, for widening a search: normalizeKana, then small kana → large (しょう ≡ しよう),
 * ゔ → ぶ, ぢ → じ, づ → ず, を → お, ー removed. Voiced marks are kept (が ≠ か).
 */
export function looseKana(s: string): string {
  const fold = (input: string) => {
    let out = '';
    for (const ch of input) {
      if (ch === 'ー') continue;
      out += LOOSE.get(ch) ?? ch;
    }
    // Enlarging a small kana can let a stray voicing mark compose with it (っ+゛ → つ+゛ → づ).
    return out.normalize('NFC');
  };
  let current = fold(normalizeKana(s));
  for (let next = fold(current); next !== current; next = fold(current)) current = next;
  return current;
}

const KANA_ONLY = /^[\p{Script=Hiragana}\p{Script=Katakana}\u30FC\u3099\u309A]+$/u;
const HAS_KANA_LETTER = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * True when, once normalised, the input is only hiragana/katakana/ー (and has at least one kana
 * letter): a search box then treats it as a reading. Spaces and ・ are ignored; "" and "ー" are false.
 */
export function isKanaOnly(s: string): boolean {
  const k = normalizeKana(s);
  return KANA_ONLY.test(k) && HAS_KANA_LETTER.test(k);
}

export interface NameSearchKeys {
  nameKey: string;
  kanaKey: string | null;
  kanaLooseKey: string | null;
}

/**
 * The keys stored for a person. When no reading was given but the name itself is written in kana
 * (やまだ はな), the name doubles as the reading so a reading search still finds the person.
 */
export function nameSearchKeys(input: { name: string; kana?: string | null }): NameSearchKeys {
  const nameKey = normalizeKanjiName(input.name);
  const typedKana = input.kana ? normalizeKana(input.kana) : '';
  const reading = typedKana !== '' ? input.kana! : isKanaOnly(input.name) ? input.name : null;
  if (reading === null) return { nameKey, kanaKey: null, kanaLooseKey: null };
  const loose = looseKana(reading);
  return { nameKey, kanaKey: normalizeKana(reading), kanaLooseKey: loose === '' ? null : loose };
}
