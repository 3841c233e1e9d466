import { Badge, Button, Group, NativeSelect, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ja } from '../../i18n/ja';
import { useFormatDate } from '../../lib/dates';
import { preventEnterWhileComposing } from '../../lib/ime';
import { todayInJapan } from '../consultation/progress/ProgressNoteForm';
import { addFollowup, type Condition, completeFollowup, type Followup, type NeedView, type Placement } from './api';

const t = ja.participation;
const CONDITIONS: Condition[] = ['good', 'some_concerns', 'difficult'];

function DoneForm({ followup, onSaved, onCancel }: { followup: Followup; onSaved: (next: NeedView) => void; onCancel: () => void }) {
  const [doneOn, setDoneOn] = useState(todayInJapan());
  const [condition, setCondition] = useState<Condition>('good');
  const [note, setNote] = useState('');
  const save = useMutation({ mutationFn: () => completeFollowup(followup.id, { version: followup.version, doneOn, condition, note: note.trim() || null }), onSuccess: onSaved });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} onKeyDown={preventEnterWhileComposing} noValidate aria-label={t.doneFormLabel(followup.label)}>
      <Stack gap="xs">
        <Group align="flex-end">
          <TextInput type="date" label={t.doneOn} value={doneOn} onChange={(e) => setDoneOn(e.currentTarget.value)} required w={200} />
          <NativeSelect label={t.condition} value={condition} onChange={(e) => setCondition(e.currentTarget.value as Condition)} data={CONDITIONS.map((c) => ({ value: c, label: t.conditions[c] ?? c }))} />
        </Group>
        <Textarea label={t.note} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={4000} />
        <ErrorAlert error={save.error} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t.doneSubmit}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t.cancel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function AddFollowupForm({ placement, onSaved }: { placement: Placement; onSaved: (next: NeedView) => void }) {
  const [label, setLabel] = useState('');
  const [dueOn, setDueOn] = useState('');
  const save = useMutation({ mutationFn: () => addFollowup(placement.id, { label: label.trim(), dueOn }), onSuccess: onSaved });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} onKeyDown={preventEnterWhileComposing} noValidate aria-label={t.addFollowup}>
      <Group align="flex-end">
        <TextInput label={t.followupLabel} value={label} onChange={(e) => setLabel(e.currentTarget.value)} maxLength={100} required />
        <TextInput type="date" label={t.followupDue} value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} required w={200} />
        <Button type="submit" variant="light" loading={save.isPending}>
          {t.addFollowupSubmit}
        </Button>
      </Group>
      <ErrorAlert error={save.error} />
    </form>
  );
}

/** 定着支援: the follow-ups of a placement with due dates, overdue flagged, and 完了 for each. */
export function FollowupsTable({ placement, editable, onSaved }: { placement: Placement; editable: boolean; onSaved: (next: NeedView, message: string) => void }) {
  const fmt = useFormatDate();
  const [doing, setDoing] = useState<string | null>(null);
  const running = placement.status === 'arranging' || placement.status === 'active';
  const current = placement.followups.find((f) => f.id === doing);
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label={t.followupsTable(placement.targetName)} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.colLabel}</Table.Th>
              <Table.Th>{t.colDue}</Table.Th>
              <Table.Th>{t.colDone}</Table.Th>
              <Table.Th>{t.colCondition}</Table.Th>
              <Table.Th>{t.colNote}</Table.Th>
              <Table.Th>{t.colBy}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {placement.followups.map((f) => (
              <Table.Tr key={f.id}>
                <Table.Td>{f.label}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Text size="sm">{fmt.date(f.dueOn)}</Text>
                    {f.overdue && (
                      <Badge color="red" radius="sm" tt="none">
                        {t.overdue}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{f.doneOn ? fmt.date(f.doneOn) : ja.app.none}</Table.Td>
                <Table.Td>{f.condition ? t.conditions[f.condition] : ja.app.none}</Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{f.note ?? ''}</Table.Td>
                <Table.Td>{f.doneBy ?? ''}</Table.Td>
                <Table.Td>
                  {editable && running && f.doneOn === null && doing !== f.id && (
                    <Button size="xs" variant="light" onClick={() => setDoing(f.id)} aria-label={`${t.done}: ${f.label}`}>
                      {t.done}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {current && (
        <DoneForm
          followup={current}
          onCancel={() => setDoing(null)}
          onSaved={(next) => {
            setDoing(null);
            onSaved(next, t.doneSaved);
          }}
        />
      )}
      {editable && placement.status !== 'ended' && <AddFollowupForm placement={placement} onSaved={(next) => onSaved(next, t.saved)} />}
    </Stack>
  );
}
