import { Button, Checkbox, Group, Modal, MultiSelect, NativeSelect, NumberInput, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ja } from '../../i18n/ja';
import { ApiError } from '../../lib/api';
import { preventEnterWhileComposing } from '../../lib/ime';
import { type Activity, communityChanged, createActivity, FREQS, type Freq, partnersQueryOptions, updateActivity } from './api';
import { PartnerQuickAdd } from './PartnerQuickAdd';

const t = ja.community;
const NTHS = [1, 2, 3, 4, 5, -1];
const toNumbers = (values: string[]) => values.map(Number);
const parseDays = (text: string) =>
  text
    .normalize('NFKC')
    .split(/[,\s\u3001]+/)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n >= 1 && n <= 31);

/** 活動の追加・変更: name, recurring schedule (weekly / n-th weekday / day of month), times, validity, 参加団体. */
export function ActivityFormModal({ placeId, activity, today, onClose, onDone }: { placeId: string; activity: Activity | null; today: string; onClose: () => void; onDone: () => void }) {
  const queryClient = useQueryClient();
  const partners = useQuery(partnersQueryOptions);
  const s = activity?.schedule;
  const [name, setName] = useState(activity?.name ?? '');
  const [description, setDescription] = useState(activity?.description ?? '');
  const [freq, setFreq] = useState<Freq>(s?.freq ?? 'weekly');
  const [weekdays, setWeekdays] = useState<string[]>((s?.weekdays ?? []).map(String));
  const [intervalWeeks, setIntervalWeeks] = useState<number | string>(s?.intervalWeeks ?? 1);
  const [nths, setNths] = useState<string[]>((s?.nths ?? []).map(String));
  const [monthDays, setMonthDays] = useState((s?.monthDays ?? []).join(', '));
  const [startsAt, setStartsAt] = useState(activity?.startsAt ?? '10:00');
  const [endsAt, setEndsAt] = useState(activity?.endsAt ?? '12:00');
  const [validFrom, setValidFrom] = useState(activity?.validFrom ?? today);
  const [validTo, setValidTo] = useState(activity?.validTo ?? '');
  const [skipHolidays, setSkipHolidays] = useState(activity?.skipHolidays ?? false);
  const [partnerIds, setPartnerIds] = useState<string[]>(activity?.partners.map((p) => p.id) ?? []);
  const save = useMutation({
    mutationFn: () => {
      const input = {
        name: name.trim(),
        description: description.trim() || null,
        schedule: { freq, weekdays: toNumbers(weekdays), intervalWeeks: Number(intervalWeeks) || 1, nths: toNumbers(nths), monthDays: parseDays(monthDays) },
        startsAt,
        endsAt,
        validFrom,
        validTo: validTo || null,
        skipHolidays,
        partnerIds,
      };
      return activity ? updateActivity(activity.id, { ...input, version: activity.version }) : createActivity(placeId, input);
    },
    onSuccess: () => {
      communityChanged(queryClient);
      onDone();
    },
  });
  const fields = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate();
  }
  return (
    <Modal opened onClose={onClose} title={activity ? t.editActivity : t.addActivity} size="xl" closeButtonProps={{ 'aria-label': ja.app.close }}>
      <form onSubmit={submit} onKeyDown={preventEnterWhileComposing} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={save.error} />
          <TextInput label={t.activityName} value={name} onChange={(e) => setName(e.currentTarget.value)} error={fields.name} autoComplete="off" required data-autofocus />
          <NativeSelect label={t.freq} value={freq} onChange={(e) => setFreq(e.currentTarget.value as Freq)} data={FREQS.map((f) => ({ value: f, label: t.freqs[f] ?? f }))} />
          {freq !== 'monthly_day' && (
            <Checkbox.Group label={t.weekdays} value={weekdays} onChange={setWeekdays} error={fields['schedule.weekdays']}>
              <Group gap="md" mt={4}>
                {t.weekdayNames.map((label, i) => (
                  <Checkbox key={label} value={String(i + 1)} label={label} />
                ))}
              </Group>
            </Checkbox.Group>
          )}
          {freq === 'weekly' && <NumberInput label={t.intervalWeeks} description={t.intervalHint} value={intervalWeeks} onChange={setIntervalWeeks} min={1} max={8} allowDecimal={false} maw={240} />}
          {freq === 'monthly_nth' && (
            <Checkbox.Group label={t.nths} value={nths} onChange={setNths} error={fields['schedule.nths']}>
              <Group gap="md" mt={4}>
                {NTHS.map((n) => (
                  <Checkbox key={n} value={String(n)} label={t.nthLabel(n)} />
                ))}
              </Group>
            </Checkbox.Group>
          )}
          {freq === 'monthly_day' && <TextInput label={t.monthDays} description={t.monthDaysHint} value={monthDays} onChange={(e) => setMonthDays(e.currentTarget.value)} error={fields['schedule.monthDays']} />}
          <Group grow align="flex-start">
            <TextInput label={t.startsAt} type="time" value={startsAt} onChange={(e) => setStartsAt(e.currentTarget.value)} error={fields.startsAt} required />
            <TextInput label={t.endsAt} type="time" value={endsAt} onChange={(e) => setEndsAt(e.currentTarget.value)} error={fields.endsAt} required />
            <TextInput label={t.validFrom} type="date" value={validFrom} onChange={(e) => setValidFrom(e.currentTarget.value)} error={fields.validFrom} required />
            <TextInput label={t.validTo} type="date" value={validTo} onChange={(e) => setValidTo(e.currentTarget.value)} error={fields.validTo} />
          </Group>
          <Checkbox label={t.skipHolidays} checked={skipHolidays} onChange={(e) => setSkipHolidays(e.currentTarget.checked)} />
          <MultiSelect
            label={t.partners}
            data={(partners.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            value={partnerIds}
            onChange={setPartnerIds}
            searchable
            clearable
            error={fields.partnerIds}
            comboboxProps={{ withinPortal: false }}
          />
          <PartnerQuickAdd onAdded={(p) => setPartnerIds((ids) => [...ids, p.id])} />
          <Textarea label={t.description} value={description} onChange={(e) => setDescription(e.currentTarget.value)} autosize minRows={2} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {ja.app.cancel}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {activity ? t.update : t.register}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
