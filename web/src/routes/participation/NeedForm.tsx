import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { ja } from '../../i18n/ja';
import { isApiError } from '../../lib/api';
import { preventEnterWhileComposing } from '../../lib/ime';
import { personQueryOptions } from '../consultation/api';
import { caseListQueryOptions } from '../consultation/cases/api';
import { type NeedFields, optionsQueryOptions, WEEKDAYS } from './api';

const t = ja.participation;

export const emptyNeed = (caseId: string | null = null): NeedFields => ({
  caseId,
  wishCodes: [],
  personWords: '',
  preferredAreaIds: [],
  availableDays: [],
  availableFrom: null,
  availableTo: null,
  needCodes: [],
  needsNote: '',
  startWishOn: null,
  acceptsWaitlist: false,
});

/** The open cases of the households the person lives in now, to hang the need on (支援チームにも共有). */
function CaseChoice({ personId, value, onChange, error }: { personId: string; value: string | null; onChange: (v: string | null) => void; error?: string | undefined }) {
  const person = useQuery(personQueryOptions(personId));
  const households = (person.data?.households ?? []).filter((h) => h.leftOn === null);
  const lists = useQueries({ queries: households.map((h) => caseListQueryOptions({ householdId: h.householdId, status: 'open' })) });
  const cases = lists.flatMap((l) => l.data ?? []);
  if (person.isPending) return <Loading />;
  return (
    <NativeSelect
      label={t.caseLabel}
      value={value ?? ''}
      onChange={(e) => onChange(e.currentTarget.value || null)}
      error={error}
      data={[{ value: '', label: t.noCase }, ...cases.map((c) => ({ value: c.id, label: t.caseOption(c.householdLabel, c.leadAgencyName) }))]}
    />
  );
}

/** 希望と条件: what the person wishes (in their own words), where, when, and what they need. */
export function NeedForm({
  personId,
  initial,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  personId: string;
  initial: NeedFields;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (fields: NeedFields) => void;
  onCancel?: () => void;
}) {
  const options = useQuery(optionsQueryOptions);
  const [f, setF] = useState<NeedFields>(initial);
  const set = <K extends keyof NeedFields>(key: K, value: NeedFields[K]) => setF((prev) => ({ ...prev, [key]: value }));
  const fields = isApiError(error) ? error.fieldErrors() : {};
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit({ ...f, personWords: f.personWords.trim(), needsNote: f.needsNote.trim() });
  };
  if (options.isPending) return <Loading />;
  if (!options.data) return <ErrorAlert error={options.error} />;
  const o = options.data;
  return (
    <form onSubmit={submit} onKeyDown={preventEnterWhileComposing} noValidate aria-label={t.formLabel}>
      <Stack gap="sm">
        <Checkbox.Group label={t.wishes} description={t.wishesHelp} value={f.wishCodes} onChange={(v) => set('wishCodes', v)} error={fields.wishCodes} required>
          <Group mt={4} gap="md">
            {o.wishes.map((w) => (
              <Checkbox key={w.code} value={w.code} label={w.name} />
            ))}
          </Group>
        </Checkbox.Group>
        <Textarea label={t.personWords} description={t.personWordsHelp} value={f.personWords} onChange={(e) => set('personWords', e.currentTarget.value)} autosize minRows={2} maxLength={4000} />
        <CaseChoice personId={personId} value={f.caseId} onChange={(v) => set('caseId', v)} error={fields.caseId} />
        <Checkbox.Group label={t.areas} value={f.preferredAreaIds} onChange={(v) => set('preferredAreaIds', v)} error={fields.preferredAreaIds}>
          <Group mt={4} gap="md">
            {o.areas.map((a) => (
              <Checkbox key={a.id} value={a.id} label={a.name} />
            ))}
          </Group>
        </Checkbox.Group>
        <Checkbox.Group label={t.days} value={f.availableDays} onChange={(v) => set('availableDays', v)}>
          <Group mt={4} gap="md">
            {WEEKDAYS.map((d) => (
              <Checkbox key={d} value={d} label={t.weekdays[d]} />
            ))}
          </Group>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput type="time" label={t.timeFrom} value={f.availableFrom ?? ''} onChange={(e) => set('availableFrom', e.currentTarget.value || null)} error={fields.availableFrom} />
          <TextInput type="time" label={t.timeTo} value={f.availableTo ?? ''} onChange={(e) => set('availableTo', e.currentTarget.value || null)} error={fields.availableTo} />
          <TextInput type="date" label={t.startWishOn} value={f.startWishOn ?? ''} onChange={(e) => set('startWishOn', e.currentTarget.value || null)} error={fields.startWishOn} />
        </SimpleGrid>
        <Checkbox.Group label={t.needs} value={f.needCodes} onChange={(v) => set('needCodes', v)}>
          <Group mt={4} gap="md">
            {o.needs.map((n) => (
              <Checkbox key={n.code} value={n.code} label={n.label} />
            ))}
          </Group>
        </Checkbox.Group>
        <Textarea label={t.needsNote} value={f.needsNote} onChange={(e) => set('needsNote', e.currentTarget.value)} autosize minRows={1} maxLength={4000} />
        <Checkbox label={t.acceptsWaitlist} checked={f.acceptsWaitlist} onChange={(e) => set('acceptsWaitlist', e.currentTarget.checked)} />
        <ErrorAlert error={error} />
        <Group>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t.cancel}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
