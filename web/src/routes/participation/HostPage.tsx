import { Badge, Button, Group, List, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { RequireRole } from '../../components/RequireRole';
import { Section } from '../../components/Section';
import { ja } from '../../i18n/ja';
import { isApiError } from '../../lib/api';
import { useFormatDate } from '../../lib/dates';
import { preventEnterWhileComposing } from '../../lib/ime';
import { hasAnyRole, useMe } from '../../lib/me';
import { AnchorLink } from '../consultation/AnchorLink';
import { todayInJapan } from '../consultation/progress/ProgressNoteForm';
import { HOST_KEEPER_ROLES, type HostInput, type HostStage, type HostView, hostQueryKey, hostQueryOptions, moveHost, PARTICIPATION_ROLES, updateHost } from './api';
import { HostForm } from './HostForm';

const t = ja.participation;
const route = getRouteApi('/app/participation/hosts/$id');

/** 協力事業者: details, 開拓の段階 (打診・協力事業者登録・見送り) with dated history. */
export function HostPage() {
  return (
    <RequireRole roles={PARTICIPATION_ROLES}>
      <HostScreen />
    </RequireRole>
  );
}

function HostScreen() {
  const { id } = route.useParams();
  const host = useQuery(hostQueryOptions(id));
  return (
    <Stack>
      <AnchorLink to="/participation" size="sm">
        {t.backToHosts}
      </AnchorLink>
      <ErrorAlert error={host.error} />
      {host.isPending && <Loading />}
      {host.data && <HostBody key={host.data.id} host={host.data} />}
    </Stack>
  );
}

const inputOf = (h: HostView): HostInput => ({ ...h, offerCodes: h.offers.map((o) => o.code) });

function StageForm({ host, stage, onSaved, onCancel }: { host: HostView; stage: HostStage; onSaved: (next: HostView) => void; onCancel: () => void }) {
  const label = t.stageAction[stage] ?? stage;
  const [on, setOn] = useState(todayInJapan());
  const [note, setNote] = useState('');
  const save = useMutation({ mutationFn: () => moveHost(host.id, { version: host.version, stage, on, note: note.trim() || null }), onSuccess: onSaved });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} onKeyDown={preventEnterWhileComposing} noValidate aria-label={t.stageSubmit(label)}>
      <Stack gap="xs">
        <TextInput type="date" label={t.stageOn} value={on} onChange={(e) => setOn(e.currentTarget.value)} w={200} />
        <Textarea label={t.stageNote} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={1} maxLength={2000} />
        <ErrorAlert error={save.error} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t.stageSubmit(label)}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t.cancel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function HostBody({ host }: { host: HostView }) {
  const fmt = useFormatDate();
  const me = useMe();
  const queryClient = useQueryClient();
  const keeper = hasAnyRole(me, HOST_KEEPER_ROLES);
  const [editing, setEditing] = useState(false);
  const [moving, setMoving] = useState<HostStage | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = (next: HostView, message: string) => {
    queryClient.setQueryData(hostQueryKey(host.id), next);
    void queryClient.invalidateQueries({ queryKey: ['participation-hosts'] });
    setNotice(message);
  };
  const save = useMutation({
    mutationFn: (input: HostInput) => updateHost(host.id, { ...input, version: host.version }),
    onSuccess: (next) => {
      setEditing(false);
      refresh(next, t.saved);
    },
    onError: async (error) => {
      if (isApiError(error, 'conflict')) await queryClient.invalidateQueries({ queryKey: hostQueryKey(host.id) });
    },
  });
  const dayLabel = (code: string) => t.weekdays[code] ?? code;
  const rows: Array<[string, string]> = [
    [t.organization, host.organizationName ?? t.none],
    [t.area, host.areaName ?? t.noArea],
    [t.address, host.address ?? t.none],
    [t.contactName, [host.contactName, host.contactPhone, host.contactEmail].filter(Boolean).join(' ') || t.none],
    [t.offers, host.offers.map((o) => o.name).join(ja.text.listSeparator) || t.none],
    [t.offerDescription, host.offerDescription || t.none],
    [t.hostDays, host.availableDays.map(dayLabel).join('・') || t.anyDay],
    [t.hostTime, host.opensAt || host.closesAt ? t.timeRange(host.opensAt ?? '', host.closesAt ?? '') : t.anyDay],
    [t.capacity, host.capacity === null || host.remaining === null ? t.noCapacity : `${t.remaining(host.remaining, host.capacity)}・${t.placedNow(host.placed)}`],
  ];
  return (
    <Stack>
      <Group gap="sm" align="center">
        <PageHeader title={t.hostHeading(host.name)} />
        <Badge variant="light" size="lg" radius="sm" tt="none" color={host.stage === 'registered' ? 'teal' : host.stage === 'declined' ? 'gray' : 'blue'}>
          {t.stage[host.stage]}
        </Badge>
      </Group>
      <Notice>{notice}</Notice>
      <Section title={t.hostFormLabel}>
        {editing ? (
          <HostForm initial={inputOf(host)} submitLabel={t.saveEdit} pending={save.isPending} error={save.error} onSubmit={(input) => save.mutate(input)} onCancel={() => setEditing(false)} />
        ) : (
          <>
            <List spacing={4} listStyleType="none">
              {rows.map(([label, value]) => (
                <List.Item key={label}>
                  <Text span fw={500}>
                    {label}
                  </Text>
                  <Text span>{`: ${value}`}</Text>
                </List.Item>
              ))}
            </List>
            {keeper && (
              <Group>
                <Button variant="light" onClick={() => setEditing(true)}>
                  {t.hostEdit}
                </Button>
              </Group>
            )}
          </>
        )}
      </Section>
      <Section title={t.stageSection}>
        {keeper && host.nextStages.length > 0 && !moving && (
          <Group gap="xs">
            {host.nextStages.map((s) => (
              <Button key={s} variant={s === 'declined' ? 'default' : 'filled'} onClick={() => setMoving(s)}>
                {t.stageAction[s]}
              </Button>
            ))}
          </Group>
        )}
        {moving && (
          <StageForm
            host={host}
            stage={moving}
            onCancel={() => setMoving(null)}
            onSaved={(next) => {
              setMoving(null);
              refresh(next, t.stageSaved(t.stage[next.stage] ?? next.stage));
            }}
          />
        )}
        <Table aria-label={t.historyTable} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.colDate}</Table.Th>
              <Table.Th>{t.colStage}</Table.Th>
              <Table.Th>{t.colNote}</Table.Th>
              <Table.Th>{t.colBy}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {host.history.map((h) => (
              <Table.Tr key={h.id}>
                <Table.Td>{fmt.date(h.occurredOn)}</Table.Td>
                <Table.Td>{t.stage[h.toStage]}</Table.Td>
                <Table.Td>{h.note ?? ''}</Table.Td>
                <Table.Td>{h.recordedBy}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>
    </Stack>
  );
}
