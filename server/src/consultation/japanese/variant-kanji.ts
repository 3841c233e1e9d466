/**
 * Old (旧字体) and variant (異体字) kanji folded to one canonical form for name search keys, so that
 * 髙橋/高橋, 山﨑/山崎, 齋藤/齊藤/斎藤/斉藤, 渡邊/渡邉/渡辺 … all find the same person.
 *
 * Keyed by the canonical character; the value lists every variant that folds to it. Rules:
 * - Only characters that NFKC leaves alone belong here. CJK compatibility ideographs that NFKC already
 *   maps (塚 U+FA10 → 塚, 神 U+FA19 → 神, 祐 U+FA4F → 祐, Kangxi radicals ⾼ → 高 …) are handled by NFKC
 *   and must not be repeated. 﨑 U+FA11 is one of the twelve "unified" compatibility ideographs that
 *   have no NFKC mapping, so it is listed.
 * - A canonical character never appears as a variant, so folding is idempotent.
 * - 祐 is deliberately not folded (祐/佑 are different given-name characters).
 * - Folding merges characters that are legally distinct (斉藤 and 斎藤 are different registered
 *   surnames); that is intended: a search key widens, the stored name stays as typed.
 * - Some canonical choices follow the brief rather than 常用 status (籠 → 篭), which does not matter
 *   for a key as long as it is applied on both sides.
 * Non-BMP variants (𥔎 U+2550E たつさき, 𠮷 U+20BB7 つちよし) are included: they are common in names.
 */
const GROUPS: Readonly<Record<string, string>> = {
  // Named in DOMAIN.md §8 and the issue.
  高: '髙',
  崎: '﨑嵜𥔎',
  斎: '齋齊斉',
  辺: '邊邉',
  沢: '澤',
  浜: '濱濵',
  広: '廣',
  徳: '德',
  // Further old forms common in names and addresses.
  国: '國',
  桜: '櫻',
  真: '眞',
  恵: '惠',
  蔵: '藏',
  竜: '龍',
  島: '嶋嶌',
  富: '冨',
  桑: '桒',
  篭: '籠',
  桧: '檜',
  実: '實',
  万: '萬',
  与: '與',
  来: '來',
  渋: '澁',
  瀬: '瀨',
  巌: '巖',
  浅: '淺',
  険: '險',
  条: '條',
  曽: '曾',
  髪: '髮',
  黒: '黑',
  増: '增',
  児: '兒',
  寿: '壽',
  礼: '禮',
  静: '靜',
  駅: '驛',
  鉄: '鐵',
  円: '圓',
  庁: '廳',
  仮: '假',
  学: '學',
  会: '會',
  旧: '舊',
  県: '縣',
  昼: '晝',
  豊: '豐',
  青: '靑',
  清: '淸',
  荘: '莊',
  将: '將',
  歩: '步',
  毎: '每',
  吉: '𠮷',
  栄: '榮',
  弥: '彌',
  滝: '瀧',
  峰: '峯',
  穂: '穗',
  槙: '槇',
  亜: '亞',
  伝: '傳',
  応: '應',
  宝: '寶寳',
  絵: '繪',
  頼: '賴',
  柳: '栁',
  遥: '遙',
  凛: '凜',
  岳: '嶽',
  戸: '戶',
  楽: '樂',
  鴎: '鷗',
  聡: '聰',
  晋: '晉',
  峡: '峽',
  迪: '廸',
  瑶: '瑤',
  茎: '莖',
  騨: '驒',
};

/** Variant → canonical, one entry per variant code point. */
export const VARIANT_KANJI: ReadonlyMap<string, string> = new Map(
  Object.entries(GROUPS).flatMap(([canonical, variants]) => [...variants].map((v): [string, string] => [v, canonical])),
);

/** Fold every variant kanji in `s` to its canonical form; other characters pass through. */
export function foldVariantKanji(s: string): string {
  let out = '';
  for (const ch of s) out += VARIANT_KANJI.get(ch) ?? ch;
  return out;
}
