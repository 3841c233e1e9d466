import type { FieldPath } from './validate';

/** The element each field's error links to (for a group: its first choice). */
export const FIELD_TARGET: Record<FieldPath, string> = {
  topics: 'pc-topic-health',
  text: 'pc-text',
  who: 'pc-who-self',
  name: 'pc-name',
  'contact.method': 'pc-contact-phone',
  'contact.phone': 'pc-phone',
  'contact.email': 'pc-email',
  consent: 'pc-consent-yes',
};

export const errorId = (path: FieldPath) => `pc-error-${path.replace('.', '-')}`;
