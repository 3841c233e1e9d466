import { Badge, Button, Group, List, NativeSelect, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ja } from '../../i18n/ja';
import { useFormatDate } from '../../lib/dates';
import { preventEnterWhileComposing } from '../../lib/ime';
import { todayInJapan } from '../consultation/progress/ProgressNoteForm';
import { addHostSupport, changePlacementStatus, type HostSupportKind, type NeedView, type Placement, type PlacementStatus } from './api';
import { FollowupsTable } from './FollowupsTable';

const t = ja.participation;
const KINDS: HostSupportKind[] = ['visit', 'phone', 'advice', 'coordination', 'training', 'other'];
const STATUS_COLOR: Record<PlacementStatus, string> = { arranging: 'yellow', active: 'teal', ended: 'gray', interrupted: 'orange' };

type Saved = (next: NeedView, message: string) => void;

function StatusForm({ placement, status, onSaved, onCancel }: { placement: Placement; status: PlacementStatus; onSaved: Saved; onCancel: () => void }) {
  const label = placement.status === 'interrupted' && status === 'active' ? t.resume : (t.statusAction[status] ?? status);
  const ending = status === 'ended' || status === 'interrupted';
  const [on, setOn] = useState(todayInJapan());
  const [reason, setReason] = useState('');
  const save = useMutation({
    mutationFn: () => changePlacementStatus(placement.id, { version: placement.version, status, on, reason: reason.trim() || null }),
    onSuccess: (next) => onSaved(next, t.statusChanged(t.placementStatus[status] ?? status)),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} onKeyDown={preventEnterWhileComposing} noValidate aria-label={t.statusSubmit(label)}>
      <Group align="flex-end">
        <TextInput type="date" label={t.statusOn} value={on} onChange={(e) => setOn(e.currentTarget.value)} w={200} />
        {ending && <TextInput label={t.statusReason} value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={2000} required w={320} />}
        <Button type="submit" loading={save.isPending}>
          {t.statusSubmit(label)}
        </Button>
        <Button variant="default" onClick={onCancel}>
          {t.cancel}
        </Button>
      </Group>
      <ErrorAlert error={save.error} />
    </form>
  );
}

function HostSupport({ placement, editable, onSaved }: { placement: Placement; editable: boolean; onSaved: Saved }) {
  const fmt = useFormatDate();
  const [kind, setKind] = useState<HostSupportKind>('visit');
  const [on, setOn] = useState(todayInJapan());
  const [note, setNote] = useState('');
  const save = useMutation({
    mutationFn: () => addHostSupport(placement.id, { supportedOn: on, kind, note: note.trim() }),
    onSuccess: (next) => {
      setNote('');
      onSaved(next, t.hostSupportSaved);
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate();
  };
  const title = t.hostSupportSection(placement.targetName);
  return (
    <Stack gap="xs">
      <Title order={4} size="h6">
        {title}
      </Title>
      {placement.hostSupport.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t.noHostSupport}
        </Text>
      ) : (
        <List spacing={2} size="sm">
          {placement.hostSupport.map((h) => (
            <List.Item key={h.id}>{`${fmt.date(h.supportedOn)}【${t.hostSupportKinds[h.kind] ?? h.kind}】${h.note}（${h.recordedBy}）`}</List.Item>
          ))}
        </List>
      )}
      {editable && (
        <form onSubmit={submit} onKeyDown={preventEnterWhileComposing} noValidate aria-label={title}>
          <Stack gap="xs">
            <Group align="flex-end">
              <NativeSelect label={t.hostSupportKind} value={kind} onChange={(e) => setKind(e.currentTarget.value as HostSupportKind)} data={KINDS.map((k) => ({ value: k, label: t.hostSupportKinds[k] ?? k }))} />
              <TextInput type="date" label={t.hostSupportOn} value={on} onChange={(e) => setOn(e.currentTarget.value)} w={200} />
            </Group>
            <Textarea label={t.hostSupportNote} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={4000} required />
            <ErrorAlert error={save.error} />
            <Group>
              <Button type="submit" variant="light" loading={save.isPending} disabled={!note.trim()}>
                {t.hostSupportSubmit}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

/** One 受け入れ: where, since when, its status steps, 定着支援 and 受け入れ先支援. */
export function PlacementCard({ placement, editable, onSaved }: { placement: Placement; editable: boolean; onSaved: Saved }) {
  const fmt = useFormatDate();
  const titleId = useId();
  const [changing, setChanging] = useState<PlacementStatus | null>(null);
  const saved: Saved = (next, message) => {
    setChanging(null);
    onSaved(next, message);
  };
  return (
    <Paper component="article" aria-labelledby={titleId} withBorder p="sm" radius="md">
      <Stack gap="sm">
        <Group gap="xs" align="center">
          <Title order={3} size="h5" id={titleId}>
            {placement.targetName}
          </Title>
          <Text size="sm" c="dimmed">
            {t.kind[placement.targetKind]}
            {placement.organizationName ? `・${placement.organizationName}` : ''}
          </Text>
          <Badge variant="light" color={STATUS_COLOR[placement.status]} radius="sm" tt="none" size="lg">
            {t.placementStatus[placement.status]}
          </Badge>
        </Group>
        <Group gap="xl">
          <Text size="sm">{ja.text.labelValue(t.startedOn, fmt.date(placement.startOn))}</Text>
          {placement.hostContact && <Text size="sm">{ja.text.labelValue(t.hostContact, placement.hostContact)}</Text>}
          <Text size="sm">{placement.capacity === null || placement.remaining === null ? t.noCapacity : t.remaining(placement.remaining, placement.capacity)}</Text>
          {placement.endedOn && <Text size="sm">{`${fmt.date(placement.endedOn)} ${placement.endReason ?? ''}`}</Text>}
        </Group>
        {placement.matchReasons.length > 0 && (
          <Text size="xs" c="dimmed">
            {ja.text.labelValue(t.reasonsAtChoice, placement.matchReasons.join(ja.text.listSeparator))}
          </Text>
        )}
        {editable && placement.nextStatuses.length > 0 && !changing && (
          <Group gap="xs">
            {placement.nextStatuses.map((s) => (
              <Button key={s} size="xs" variant="default" onClick={() => setChanging(s)}>
                {placement.status === 'interrupted' && s === 'active' ? t.resume : t.statusAction[s]}
              </Button>
            ))}
          </Group>
        )}
        {changing && <StatusForm placement={placement} status={changing} onSaved={saved} onCancel={() => setChanging(null)} />}
        <FollowupsTable placement={placement} editable={editable} onSaved={saved} />
        <HostSupport placement={placement} editable={editable} onSaved={saved} />
      </Stack>
    </Paper>
  );
}
