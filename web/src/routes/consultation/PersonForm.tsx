import { Button, Checkbox, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ja } from '../../i18n/ja';
import { ApiError } from '../../lib/api';
import { type PersonInput, SEXES, type Sex } from './api';
import { ConcernFields } from './ConcernFields';
import { DuplicateWarning } from './DuplicateWarning';
import { duplicateProbe, inputFromForm, type PersonFormValues } from './personFormValues';

const c = ja.consultation;
const p = c.person;
const sexOptions = SEXES.map((s) => ({ value: s, label: c.sex[s] ?? s }));

/** The first server message for `path` or anything under it ("phones.1", "concerns.tags.0"). */
function errorLookup(error: unknown) {
  const fields = error instanceof ApiError ? error.fieldErrors() : {};
  return (path: string): string | undefined =>
    fields[path] ??
    Object.entries(fields).find(([k]) => k.startsWith(`${path}.`) || k.startsWith(`${path}[`))?.[1];
}

/**
 * 本人の登録 and 編集: one form, keyboard-only usable (DOM order is tab order; Enter in a text
 * field submits). While 氏/名/ふりがな/生年月日 are typed, similar registered persons are shown;
 * the check waits for IME composition to finish.
 */
export function PersonForm({
  initial,
  submitLabel,
  pending,
  error,
  excludeId,
  onSubmit,
  onCancel,
}: {
  initial: PersonFormValues;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  excludeId?: string;
  onSubmit: (input: PersonInput) => void;
  onCancel?: () => void;
}) {
  const familyNameId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(initial);
  const [composing, setComposing] = useState(false);
  const [probe, setProbe] = useState('');
  const [missingName, setMissingName] = useState(false);
  const serverError = errorLookup(error);
  const nameBlank = missingName && values.familyName.trim() === '';
  const fieldError = (path: string) => (path === 'familyName' && nameBlank ? p.familyNameRequired : serverError(path));
  const set =
    <K extends keyof PersonFormValues>(key: K) =>
    (value: PersonFormValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const text = (key: 'familyName' | 'givenName' | 'familyKana' | 'givenKana' | 'birthDate' | 'address') => ({
    value: values[key],
    onChange: (e: { currentTarget: { value: string } }) => set(key)(e.currentTarget.value),
    error: fieldError(key),
    autoComplete: 'off',
  });
  // The fields the duplicate check watches: hold the probe still while an IME is composing.
  const watched = { onCompositionStart: () => setComposing(true), onCompositionEnd: () => setComposing(false) };
  // When editing, only a changed name or reading is checked (the person themself is left out).
  const typed = duplicateProbe(values);
  const nextProbe = excludeId && typed === duplicateProbe(initial) ? '' : typed;
  useEffect(() => {
    if (!composing) setProbe(nextProbe);
  }, [composing, nextProbe]);

  // After the server refuses a field, move focus to the first field marked invalid.
  useEffect(() => {
    if (error instanceof ApiError && error.details?.fields?.length) {
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
  }, [error]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing = values.familyName.trim() === '';
    setMissingName(missing);
    if (missing) {
      document.getElementById(familyNameId)?.focus();
      return;
    }
    onSubmit(inputFromForm(values));
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="md" maw={880}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
          <TextInput id={familyNameId} label={p.familyName} required maxLength={50} {...text('familyName')} {...watched} />
          <TextInput label={p.givenName} maxLength={50} {...text('givenName')} {...watched} />
          <TextInput label={p.familyKana} maxLength={100} {...text('familyKana')} {...watched} />
          <TextInput label={p.givenKana} maxLength={100} {...text('givenKana')} {...watched} />
          <Select
            label={p.sex}
            data={sexOptions}
            value={values.sex}
            onChange={(v) => set('sex')((SEXES as readonly string[]).includes(v ?? '') ? (v as Sex) : 'unanswered')}
            allowDeselect={false}
            error={fieldError('sex')}
          />
          <TextInput label={p.birthDate} description={p.birthDateHint} maxLength={40} {...text('birthDate')} {...watched} />
        </SimpleGrid>
        <DuplicateWarning probe={probe} excludeId={excludeId} />
        <TextInput label={p.address} maxLength={200} {...text('address')} />
        <TextInput
          label={p.phones}
          description={p.phonesHint}
          value={values.phones}
          onChange={(e) => set('phones')(e.currentTarget.value)}
          error={fieldError('phones')}
          inputMode="tel"
          autoComplete="off"
          maxLength={200}
        />
        <ConcernFields
          categories={values.categories}
          tags={values.tags}
          careFlags={values.careFlags}
          errors={fieldError}
          onCategories={set('categories')}
          onTags={set('tags')}
          onCareFlags={set('careFlags')}
        />
        <Textarea
          label={p.notes}
          value={values.notes}
          onChange={(e) => set('notes')(e.currentTarget.value)}
          error={fieldError('notes')}
          autosize
          minRows={3}
          maxLength={4000}
        />
        <Checkbox
          label={p.confidential}
          checked={values.confidential}
          onChange={(e) => set('confidential')(e.currentTarget.checked)}
        />
        <ErrorAlert error={error} />
        <Group>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {ja.app.cancel}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
