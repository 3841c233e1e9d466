/** The public form's answer codes, as the server (server/src/public-intake/) accepts them. */
export const PUBLIC_LANGS = ['ja-easy', 'en'] as const;
export type PublicLang = (typeof PUBLIC_LANGS)[number];

export const TOPICS = ['health', 'housing', 'money', 'payments', 'debt', 'work', 'neighbours', 'family', 'children', 'care', 'withdrawal', 'violence', 'food', 'other'] as const;
export type Topic = (typeof TOPICS)[number];
export const WHO = ['self', 'family', 'neighbour', 'other'] as const;
export type Who = (typeof WHO)[number];
export const CONTACT_METHODS = ['phone', 'email', 'none'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];
export const CONTACT_TIMES = ['any', 'morning', 'afternoon', 'evening'] as const;
export type ContactTime = (typeof CONTACT_TIMES)[number];
export const CONSENT_ANSWERS = ['yes', 'no', 'unsure'] as const;
export type ConsentAnswer = (typeof CONSENT_ANSWERS)[number];

export const TEXT_MAX = 2000;
export const NAME_MAX = 50;

export type FieldReason =
  | 'text_required'
  | 'text_too_long'
  | 'control_chars'
  | 'name_too_long'
  | 'phone_required'
  | 'phone_invalid'
  | 'email_required'
  | 'email_invalid'
  | 'topics_invalid'
  | 'choose_one'
  | 'invalid';

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
  | 'too_large'
  | 'network'
  | 'unexpected';
