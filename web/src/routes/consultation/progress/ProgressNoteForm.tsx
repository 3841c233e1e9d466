import { Button, Group, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type KeyboardEvent, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ja } from '../../../i18n/ja';
import { ApiError, isApiError } from '../../../lib/api';
import { NOTE_KINDS, type NoteInput, type NoteKind, type ProgressNote, recordNote, timelineQueryKey, updateNote } from './api';

const p = ja.progress;

export interface MemberOption {
  value: string;
  label: string;
}

/** Today in Japan as YYYY-MM-DD (the default 日付). */
export function todayInJapan(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

type Values = { occurredOn: string; occurredTime: string; kind: NoteKind; personId: string; subject: string; body: string; nextAction: string; nextActionDue: string };

function initialValues(note?: ProgressNote): Values {
  return {
    occurredOn: note?.occurredOn ?? todayInJapan(),
    occurredTime: note?.occurredTime ?? '',
    kind: note?.kind ?? 'interview',
    personId: note?.personId ?? '',
    subject: note?.subject ?? '',
    body: note?.body ?? '',
    nextAction: note?.nextAction ?? '',
    nextActionDue: note?.nextActionDue ?? '',
  };
}

function toInput(v: Values): NoteInput {
  const orNull = (s: string) => (s.trim() ? s.trim() : null);
  return {
    occurredOn: v.occurredOn,
    occurredTime: orNull(v.occurredTime),
    kind: v.kind,
    personId: orNull(v.personId),
    subject: v.subject.trim(),
    body: v.body.trim(),
    nextAction: orNull(v.nextAction),
    nextActionDue: orNull(v.nextActionDue),
  };
}

/** Enter in a one-line field must not submit while an IME is still composing (変換中). */
function guardIme(event: KeyboardEvent<HTMLInputElement>) {
  if (event.key === 'Enter' && event.nativeEvent.isComposing) event.preventDefault();
}

/**
 * 経過を記録する (no `note`) or 経過記録を修正 (`note`, sent with the version it was read at).
 * On 409 the list is reloaded and the conflict message stays on screen.
 */
export function ProgressNoteForm({ caseId, members, note, onSaved }: { caseId: string; members: MemberOption[]; note?: ProgressNote; onSaved: (message: string) => void }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(() => initialValues(note));
  const [missing, setMissing] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (input: NoteInput) => (note ? updateNote(note.id, { ...input, version: note.version }) : recordNote(caseId, input)),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: timelineQueryKey(caseId) });
      if (!note) setValues(initialValues());
      onSaved(note ? p.saved : p.recorded);
    },
    onError: async (error) => {
      if (isApiError(error, 'conflict')) await queryClient.invalidateQueries({ queryKey: timelineQueryKey(caseId) });
    },
  });
  const fields = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const set = (key: keyof Values) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((v) => ({ ...v, [key]: value }));
  };
  const error = (key: keyof Values) => missing[key] ?? fields[key];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const need: Record<string, string> = {};
    for (const key of ['occurredOn', 'subject', 'body'] as const) if (!values[key].trim()) need[key] = p.required;
    setMissing(need);
    if (Object.keys(need).length === 0) save.mutate(toInput(values));
  }

  const idPrefix = note ? `edit-${note.id}` : 'new';
  return (
    <form onSubmit={submit} noValidate aria-label={note ? p.editTitle : p.form} id={`progress-form-${idPrefix}`}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <TextInput type="date" label={p.occurredOn} value={values.occurredOn} onChange={set('occurredOn')} error={error('occurredOn')} required onKeyDown={guardIme} />
          <TextInput type="time" label={p.occurredTime} value={values.occurredTime} onChange={set('occurredTime')} error={error('occurredTime')} onKeyDown={guardIme} />
          <NativeSelect label={p.kind} value={values.kind} onChange={set('kind')} data={NOTE_KINDS.map((k) => ({ value: k, label: p.kinds[k] ?? k }))} error={error('kind')} />
          <NativeSelect label={p.person} value={values.personId} onChange={set('personId')} data={[{ value: '', label: p.personNone }, ...members]} error={error('personId')} />
        </SimpleGrid>
        <TextInput label={p.subject} value={values.subject} onChange={set('subject')} error={error('subject')} maxLength={200} required onKeyDown={guardIme} />
        <Textarea label={p.body} value={values.body} onChange={set('body')} error={error('body')} autosize minRows={4} maxLength={10000} required />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={p.nextAction} value={values.nextAction} onChange={set('nextAction')} error={error('nextAction')} maxLength={2000} onKeyDown={guardIme} />
          <TextInput type="date" label={p.nextActionDue} value={values.nextActionDue} onChange={set('nextActionDue')} error={error('nextActionDue')} onKeyDown={guardIme} />
        </SimpleGrid>
        <ErrorAlert error={save.error} title={isApiError(save.error, 'conflict') ? p.conflictReloaded : undefined} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {note ? p.save : p.submit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
