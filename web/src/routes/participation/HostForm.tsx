import { Button, Checkbox, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { ja } from '../../i18n/ja';
import { isApiError } from '../../lib/api';
import { preventEnterWhileComposing } from '../../lib/ime';
import { type HostInput, optionsQueryOptions, WEEKDAYS } from './api';

const t = ja.participation;

export const emptyHost = (): HostInput => ({
  name: '',
  organizationId: null,
  areaId: null,
  address: null,
  contactName: null,
  contactPhone: null,
  contactEmail: null,
  offerCodes: [],
  offerDescription: '',
  accommodationCodes: [],
  availableDays: [],
  opensAt: null,
  closesAt: null,
  minimumAge: null,
  maximumAge: null,
  capacity: null,
});

const num = (v: string | number) => (typeof v === 'number' ? v : null);

/** 協力事業者: who, where, contact, what it can offer, when, for whom and how many (受入枠). */
export function HostForm({
  initial,
  submitLabel,
  withNote,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  initial: HostInput;
  submitLabel: string;
  withNote?: boolean;
  pending: boolean;
  error: unknown;
  onSubmit: (input: HostInput, note: string | null) => void;
  onCancel?: () => void;
}) {
  const options = useQuery(optionsQueryOptions);
  const [f, setF] = useState<HostInput>(initial);
  const [note, setNote] = useState('');
  const set = <K extends keyof HostInput>(key: K, value: HostInput[K]) => setF((prev) => ({ ...prev, [key]: value }));
  const text = (key: 'address' | 'contactName' | 'contactPhone' | 'contactEmail') => ({ value: f[key] ?? '', onChange: (e: { currentTarget: { value: string } }) => set(key, e.currentTarget.value || null) });
  const fields = isApiError(error) ? error.fieldErrors() : {};
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit({ ...f, name: f.name.trim() }, note.trim() || null);
  };
  if (options.isPending) return <Loading />;
  if (!options.data) return <ErrorAlert error={options.error} />;
  const o = options.data;
  return (
    <form onSubmit={submit} onKeyDown={preventEnterWhileComposing} noValidate aria-label={t.hostFormLabel}>
      <Stack gap="sm">
        <TextInput label={t.hostName} value={f.name} onChange={(e) => set('name', e.currentTarget.value)} error={fields.name} required maxLength={200} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t.organization}
            value={f.organizationId ?? ''}
            onChange={(e) => set('organizationId', e.currentTarget.value || null)}
            error={fields.organizationId}
            data={[{ value: '', label: t.noOrganization }, ...o.organizations.map((x) => ({ value: x.id, label: x.name }))]}
          />
          <NativeSelect label={t.area} value={f.areaId ?? ''} onChange={(e) => set('areaId', e.currentTarget.value || null)} error={fields.areaId} data={[{ value: '', label: t.noArea }, ...o.areas.map((a) => ({ value: a.id, label: a.name }))]} />
          <TextInput label={t.address} {...text('address')} maxLength={500} />
          <TextInput label={t.contactName} {...text('contactName')} maxLength={200} />
          <TextInput label={t.contactPhone} {...text('contactPhone')} maxLength={50} />
          <TextInput label={t.contactEmail} {...text('contactEmail')} maxLength={200} />
        </SimpleGrid>
        <Checkbox.Group label={t.offers} value={f.offerCodes} onChange={(v) => set('offerCodes', v)} error={fields.offerCodes}>
          <Group mt={4} gap="md">
            {o.wishes.map((w) => (
              <Checkbox key={w.code} value={w.code} label={w.name} />
            ))}
          </Group>
        </Checkbox.Group>
        <Textarea label={t.offerDescription} value={f.offerDescription} onChange={(e) => set('offerDescription', e.currentTarget.value)} autosize minRows={2} maxLength={4000} />
        <Checkbox.Group label={t.accommodations} value={f.accommodationCodes} onChange={(v) => set('accommodationCodes', v)}>
          <Group mt={4} gap="md">
            {o.needs.map((n) => (
              <Checkbox key={n.code} value={n.code} label={n.label} />
            ))}
          </Group>
        </Checkbox.Group>
        <Checkbox.Group label={t.hostDays} value={f.availableDays} onChange={(v) => set('availableDays', v)}>
          <Group mt={4} gap="md">
            {WEEKDAYS.map((d) => (
              <Checkbox key={d} value={d} label={t.weekdays[d]} />
            ))}
          </Group>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 2, sm: 5 }}>
          <TextInput type="time" label={t.opensAt} value={f.opensAt ?? ''} onChange={(e) => set('opensAt', e.currentTarget.value || null)} />
          <TextInput type="time" label={t.closesAt} value={f.closesAt ?? ''} onChange={(e) => set('closesAt', e.currentTarget.value || null)} error={fields.closesAt} />
          <NumberInput label={t.minimumAge} value={f.minimumAge ?? ''} onChange={(v) => set('minimumAge', num(v))} min={0} max={130} allowDecimal={false} />
          <NumberInput label={t.maximumAge} value={f.maximumAge ?? ''} onChange={(v) => set('maximumAge', num(v))} min={0} max={130} allowDecimal={false} error={fields.maximumAge} />
          <NumberInput label={t.capacity} value={f.capacity ?? ''} onChange={(v) => set('capacity', num(v))} min={0} max={10000} allowDecimal={false} />
        </SimpleGrid>
        {withNote && <Textarea label={t.firstNote} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={1} maxLength={2000} />}
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
