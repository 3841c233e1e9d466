import { Box, Button, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { PublicCatalogue } from '../../i18n/public';
import { preventEnterWhileComposing } from '../../lib/ime';
import { type PublicAnswers, PublicApiError, sendPublicConsultation } from './api';
import { CheckboxFieldset, RadioFieldset } from './ChoiceFieldset';
import { CONSENT_ANSWERS, CONTACT_METHODS, CONTACT_TIMES, type FormReason, NAME_MAX, type PublicLang, TEXT_MAX, TOPICS, WHO } from './codes';
import { ErrorSummary } from './ErrorSummary';
import { errorId } from './fields';
import { type FieldErrors, type FieldPath, fieldErrorsFromServer, validateAnswers } from './validate';

const EMPTY: PublicAnswers = { topics: [], text: '', who: null, name: '', contactMethod: null, phone: '', email: '', time: null, consent: null, website: '' };
/** The problems an answer's change resolves. */
const CLEARS: Record<keyof PublicAnswers, readonly FieldPath[]> = {
  topics: ['topics'],
  text: ['text'],
  who: ['who'],
  name: ['name'],
  contactMethod: ['contact.method', 'contact.phone', 'contact.email'],
  phone: ['contact.phone'],
  email: ['contact.email'],
  time: [],
  consent: ['consent'],
  website: [],
};
/** Reasons after which the page needs a new form token before the next try. */
const NEW_TOKEN: readonly FormReason[] = ['token_invalid', 'token_expired', 'already_sent'];

interface Props {
  c: PublicCatalogue;
  lang: PublicLang;
  formToken: string;
  onSent: (referenceNumber: string) => void;
  onNeedToken: () => void;
  announce: (message: string) => void;
}

/** The public form: every control native and labelled, problems listed at the top and at each field. */
export function PublicConsultationForm({ c, lang, formToken, onSent, onNeedToken, announce }: Props) {
  const [a, setA] = useState<PublicAnswers>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<FormReason | null>(null);
  const [sending, setSending] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const summary = useRef<HTMLDivElement>(null);
  const set = <K extends keyof PublicAnswers>(key: K, value: PublicAnswers[K]) => {
    setA((prev) => ({ ...prev, [key]: value }));
    // A field's problem goes away as soon as the resident changes that answer.
    const paths = CLEARS[key];
    if (paths.some((p) => errors[p])) setErrors((prev) => Object.fromEntries(Object.entries(prev).filter(([p]) => !paths.includes(p as FieldPath))));
  };
  const err = (path: keyof FieldErrors) => (errors[path] ? c.errors.fields[errors[path]] : undefined);

  // After a failed attempt the summary takes the focus, so keyboard and screen reader users start there.
  useEffect(() => {
    if (attempt > 0) summary.current?.focus();
  }, [attempt]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    const found = validateAnswers(a);
    setFormError(null);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      // The summary (role="alert") takes the focus and is read out; the status line is cleared.
      announce('');
      setAttempt((n) => n + 1);
      return;
    }
    setSending(true);
    announce(c.sending);
    try {
      const receipt = await sendPublicConsultation(lang, formToken, a);
      setA(EMPTY);
      onSent(receipt.referenceNumber);
    } catch (error) {
      const apiError = error instanceof PublicApiError ? error : new PublicApiError(0, 'unexpected');
      const fieldErrors = fieldErrorsFromServer(apiError.fields);
      setErrors(fieldErrors);
      setFormError(Object.keys(fieldErrors).length > 0 ? null : apiError.reason);
      announce('');
      if (NEW_TOKEN.includes(apiError.reason)) onNeedToken();
      setAttempt((n) => n + 1);
    } finally {
      setSending(false);
    }
  }

  const req = <Text span size="sm" c="red.8">{` ${c.requiredMark}`}</Text>;
  const opt = <Text span size="sm" c="dimmed">{` ${c.optionalMark}`}</Text>;

  return (
    <form onSubmit={submit} onKeyDown={preventEnterWhileComposing} noValidate>
      <Stack gap="lg">
        <ErrorSummary ref={summary} c={c} errors={errors} formError={formError} />
        <CheckboxFieldset idPrefix="pc-topic" legend={<>{c.topics.legend}{opt}</>} hint={c.topics.hint} codes={TOPICS} labels={c.topics.options} value={a.topics} onChange={(v) => set('topics', v)} error={err('topics')} errorId={errorId('topics')} />
        <Textarea
          id="pc-text"
          label={<>{c.text.label}{req}</>}
          description={`${c.text.hint(TEXT_MAX)} ${c.text.counter([...a.text].length, TEXT_MAX)}`}
          value={a.text}
          onChange={(e) => set('text', e.currentTarget.value)}
          error={err('text')}
          aria-required
          autosize
          minRows={5}
          maxRows={14}
        />
        <RadioFieldset idPrefix="pc-who" legend={<>{c.who.legend}{req}</>} codes={WHO} labels={c.who.options} value={a.who} onChange={(v) => set('who', v)} error={err('who')} errorId={errorId('who')} />
        <TextInput id="pc-name" label={<>{c.name.label}{opt}</>} description={c.name.hint} value={a.name} onChange={(e) => set('name', e.currentTarget.value)} error={err('name')} maxLength={NAME_MAX + 10} autoComplete="name" />
        <RadioFieldset
          idPrefix="pc-contact"
          legend={<>{c.contact.legend}{req}</>}
          hint={c.contact.hint}
          codes={CONTACT_METHODS}
          labels={c.contact.options}
          value={a.contactMethod}
          onChange={(v) => set('contactMethod', v)}
          error={err('contact.method')}
          errorId={errorId('contact.method')}
        />
        {a.contactMethod === 'phone' && (
          <TextInput id="pc-phone" type="tel" label={<>{c.contact.phone}{req}</>} description={c.contact.phoneHint} value={a.phone} onChange={(e) => set('phone', e.currentTarget.value)} error={err('contact.phone')} aria-required autoComplete="tel" inputMode="tel" maxLength={30} />
        )}
        {a.contactMethod === 'email' && (
          <TextInput id="pc-email" type="email" label={<>{c.contact.email}{req}</>} value={a.email} onChange={(e) => set('email', e.currentTarget.value)} error={err('contact.email')} aria-required autoComplete="email" maxLength={254} />
        )}
        {a.contactMethod === 'none' && <Text size="sm">{c.contact.noneHint}</Text>}
        {(a.contactMethod === 'phone' || a.contactMethod === 'email') && (
          <RadioFieldset idPrefix="pc-time" legend={<>{c.time.legend}{opt}</>} codes={CONTACT_TIMES} labels={c.time.options} value={a.time} onChange={(v) => set('time', v)} errorId="pc-error-time" />
        )}
        <RadioFieldset
          idPrefix="pc-consent"
          legend={<>{c.consent.legend}{req}</>}
          hint={
            <Stack gap={4} mt={4}>
              {c.consent.explain.map((line) => (
                <Text key={line} size="sm" c="dark">
                  {line}
                </Text>
              ))}
            </Stack>
          }
          codes={CONSENT_ANSWERS}
          labels={c.consent.options}
          value={a.consent}
          onChange={(v) => set('consent', v)}
          error={err('consent')}
          errorId={errorId('consent')}
        />
        {/* Honeypot: people never see or reach it; form-filling robots do. */}
        <Box aria-hidden="true" style={{ position: 'absolute', left: -10_000, width: 1, height: 1, overflow: 'hidden' }}>
          <label htmlFor="pc-website">{c.honeypot}</label>
          <input id="pc-website" name="website" type="text" tabIndex={-1} autoComplete="off" value={a.website} onChange={(e) => set('website', e.currentTarget.value)} />
        </Box>
        <div>
          <Button type="submit" size="md" loading={sending} fullWidth maw={360}>
            {c.submit}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
