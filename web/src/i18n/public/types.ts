/**
 * The shape every catalogue of the public consultation page has: the やさしい日本語 one defines it,
 * the English one must match it key for key (a missing or extra key fails type-checking), and every
 * answer code and error reason has its words.
 */
import type { ConsentAnswer, ContactMethod, ContactTime, FieldReason, FormReason, Topic, Who } from '../../routes/public/codes';

export interface PublicCatalogue {
  htmlLang: 'ja' | 'en';
  languageName: string;
  languageSwitch: string;
  heading: string;
  municipality: (name: string) => string;
  intro: readonly string[];
  emergency: string;
  requiredMark: string;
  optionalMark: string;
  topics: { legend: string; hint: string; options: Record<Topic, string> };
  text: { label: string; hint: (max: number) => string; counter: (count: number, max: number) => string };
  who: { legend: string; options: Record<Who, string> };
  name: { label: string; hint: string };
  contact: { legend: string; hint: string; options: Record<ContactMethod, string>; phone: string; phoneHint: string; email: string; noneHint: string };
  time: { legend: string; options: Record<ContactTime, string> };
  consent: { legend: string; explain: readonly string[]; options: Record<ConsentAnswer, string> };
  honeypot: string;
  submit: string;
  sending: string;
  loading: string;
  errors: {
    summaryTitle: string;
    summaryIntro: (count: number) => string;
    fields: Record<FieldReason, string>;
    form: Record<FormReason, string>;
    retry: string;
  };
  closed: { heading: string; body: string };
  thanks: { heading: string; numberLabel: string; keep: string; nextHeading: string; next: readonly string[]; again: string };
}
