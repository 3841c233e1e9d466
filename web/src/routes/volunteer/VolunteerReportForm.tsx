import { Button, Checkbox, Group, Radio, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Section } from '../../components/Section';
import { ja } from '../../i18n/ja';
import { ApiError } from '../../lib/api';
import { preventEnterWhileComposing } from '../../lib/ime';
import { formQueryOptions, myReportsQueryOptions, NOTICED, sendReport, URGENCIES, type Urgency } from './api';

const v = ja.outreach.volunteer;

/** Who, where (圏域 defaults to the volunteer's own), what was noticed (chips + text), urgency: under a minute. */
export function VolunteerReportForm({ onSent, onEdit }: { onSent: () => void; onEdit: () => void }) {
  const queryClient = useQueryClient();
  const form = useQuery(formQueryOptions);
  const [who, setWho] = useState('');
  const [where, setWhere] = useState('');
  const [areaId, setAreaId] = useState<string | null>(null);
  const [noticed, setNoticed] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [urgency, setUrgency] = useState<Urgency>('normal');
  const [missing, setMissing] = useState<Record<string, string>>({});
  useEffect(() => {
    if (form.data && areaId === null) setAreaId(form.data.defaultAreaId);
  }, [form.data, areaId]);
  const send = useMutation({
    mutationFn: () => sendReport({ subjectDescription: who.trim(), location: where.trim(), areaId, noticed, note: note.trim() || null, urgency }),
    onSuccess: async () => {
      setWho('');
      setWhere('');
      setNoticed([]);
      setNote('');
      setUrgency('normal');
      setAreaId(form.data?.defaultAreaId ?? null);
      await queryClient.invalidateQueries({ queryKey: myReportsQueryOptions.queryKey });
      onSent();
    },
  });
  const errors = send.error instanceof ApiError ? send.error.fieldErrors() : {};
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const m: Record<string, string> = {};
    if (!who.trim()) m.who = v.required;
    if (!where.trim()) m.where = v.required;
    if (noticed.length === 0 && !note.trim()) m.noticed = v.noticedRequired;
    setMissing(m);
    if (Object.keys(m).length === 0) send.mutate();
  };
  const touched = () => onEdit();
  return (
    <Section title={v.form}>
      <ErrorAlert error={form.error} />
      <form onSubmit={submit} onKeyDown={preventEnterWhileComposing} onChange={touched} noValidate aria-label={v.form}>
        <Stack gap="md">
          <TextInput size="md" label={v.who} description={v.whoHint} value={who} onChange={(e) => setWho(e.currentTarget.value)} error={missing.who ?? errors.subjectDescription} maxLength={200} required />
          <TextInput size="md" label={v.where} value={where} onChange={(e) => setWhere(e.currentTarget.value)} error={missing.where ?? errors.location} maxLength={200} required />
          <Select size="md" label={v.area} data={(form.data?.areas ?? []).map((a) => ({ value: a.id, label: a.name }))} value={areaId} onChange={setAreaId} error={errors.areaId} allowDeselect={false} />
          <Checkbox.Group label={v.noticed} value={noticed} onChange={setNoticed} error={missing.noticed}>
            <Group gap="sm" mt={6}>
              {NOTICED.map((c) => (
                <Checkbox key={c} value={c} label={v.chips[c]} size="md" />
              ))}
            </Group>
          </Checkbox.Group>
          <Textarea size="md" label={v.note} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} autosize minRows={2} maxLength={2000} />
          <Radio.Group label={v.urgency} value={urgency} onChange={(x) => setUrgency(x as Urgency)}>
            <Group mt={6} gap="lg">
              {URGENCIES.map((u) => (
                <Radio key={u} value={u} label={v.urgencyOptions[u]} size="md" />
              ))}
            </Group>
          </Radio.Group>
          <ErrorAlert error={send.error} />
          <Button type="submit" size="lg" fullWidth loading={send.isPending}>
            {v.submit}
          </Button>
        </Stack>
      </form>
    </Section>
  );
}
