/**
 * The public API's messages in the page's languages: やさしい日本語 (short sentences, words written
 * the way a child or a newcomer reads them) and English. The page shows its own catalogue by reason
 * code; these messages serve other clients and keep the API answer in the language the resident chose.
 */
import type { PublicLanguage } from '../platform/db/schema-public-intake.js';
import type { FieldReason } from './submission-rules.js';
import { NAME_MAX, TEXT_MAX } from './submission-rules.js';

export type FormReason =
  | 'form_invalid'
  | 'too_fast'
  | 'token_invalid'
  | 'token_expired'
  | 'already_sent'
  | 'rejected'
  | 'rate_limited'
  | 'daily_limit'
  | 'closed'
  | 'too_large';

export const PUBLIC_LANGUAGES = ['ja-easy', 'en'] as const satisfies readonly PublicLanguage[];

const MESSAGES: Record<PublicLanguage, Record<FieldReason | FormReason, string>> = {
  'ja-easy': {
    text_required: 'こまっている ことを かいて ください。',
    text_too_long: `${TEXT_MAX}もじ までで かいて ください。`,
    control_chars: 'つかえない もじが あります。けして ください。',
    name_too_long: `なまえは ${NAME_MAX}もじ までで かいて ください。`,
    phone_required: 'でんわばんごうを かいて ください。',
    phone_invalid: 'でんわばんごうを たしかめて ください。',
    email_required: 'メールアドレスを かいて ください。',
    email_invalid: 'メールアドレスを たしかめて ください。',
    topics_invalid: 'えらんだ ものを たしかめて ください。',
    choose_one: 'ひとつ えらんで ください。',
    invalid: 'ここを たしかめて ください。',
    form_invalid: 'かいた ことを たしかめて ください。',
    too_fast: 'すこし まってから もう いちど 「おくる」を おして ください。',
    token_invalid: 'がめんを よみこみ なおして ください。',
    token_expired: 'じかんが たちました。もう いちど 「おくる」を おして ください。',
    already_sent: 'この そうだんは もう おくりました。',
    rejected: 'おくれませんでした。でんわで そうだん して ください。',
    rate_limited: 'たくさん おくりました。すこし まってから おくって ください。',
    daily_limit: 'きょうは もう おくれません。あした おくるか、でんわで そうだん して ください。',
    closed: 'いまは オンラインで そうだんを うけつけて いません。でんわで そうだん して ください。',
    too_large: 'ないようが ながすぎます。みじかく して ください。',
  },
  en: {
    text_required: 'Please write what you are worried about.',
    text_too_long: `Please write no more than ${TEXT_MAX} characters.`,
    control_chars: 'This contains characters that cannot be used. Please remove them.',
    name_too_long: `Please write your name in no more than ${NAME_MAX} characters.`,
    phone_required: 'Please write your phone number.',
    phone_invalid: 'Please check your phone number.',
    email_required: 'Please write your email address.',
    email_invalid: 'Please check your email address.',
    topics_invalid: 'Please check what you chose.',
    choose_one: 'Please choose one.',
    invalid: 'Please check this answer.',
    form_invalid: 'Please check your answers.',
    too_fast: 'Please wait a moment, then press "Send" again.',
    token_invalid: 'Please reload the page.',
    token_expired: 'The form was open for a long time. Please press "Send" again.',
    already_sent: 'This consultation has already been sent.',
    rejected: 'We could not send this. Please call us instead.',
    rate_limited: 'You have sent many times. Please wait a while before sending again.',
    daily_limit: 'You cannot send any more today. Please send tomorrow, or call us.',
    closed: 'Online consultation is not open now. Please call us.',
    too_large: 'This is too long. Please make it shorter.',
  },
};

export function publicMessage(lang: PublicLanguage, reason: FieldReason | FormReason): string {
  return MESSAGES[lang][reason];
}

/** The language of a request: ?lang=en, else the body's lang, else やさしい日本語. */
export function languageOf(query: unknown, body?: unknown): PublicLanguage {
  const pick = (v: unknown) => (v && typeof v === 'object' && 'lang' in v ? (v as { lang: unknown }).lang : undefined);
  const lang = pick(query) ?? pick(body);
  return lang === 'en' ? 'en' : 'ja-easy';
}
