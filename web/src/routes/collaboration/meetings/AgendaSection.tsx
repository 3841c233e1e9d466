import { Button, Card, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Notice } from '../../../components/Notice';
import { Section } from '../../../components/Section';
import { ja } from '../../../i18n/ja';
import { AgendaMaterial } from './AgendaMaterial';
import { type AgendaItemSummary, addAgendaItem, type MeetingView, meetingChanged, ownCasesQueryOptions } from './api';

const m = ja.meetings;

/** 議題: each case with the basis it is discussed on; material only where the server shares it. */
export function AgendaSection({ meeting }: { meeting: MeetingView }) {
  return (
    <Section title={m.agenda}>
      {meeting.agendaItems.length === 0 && <Text c="dimmed">{m.agendaEmpty}</Text>}
      {meeting.agendaItems.map((item) => (
        <AgendaItemCard key={item.id} meeting={meeting} item={item} />
      ))}
      {meeting.status !== 'closed' && <AddCase meeting={meeting} />}
    </Section>
  );
}

function AgendaItemCard({ meeting, item }: { meeting: MeetingView; item: AgendaItemSummary }) {
  const [open, setOpen] = useState(false);
  const visible = item.householdLabel !== null;
  return (
    <Card withBorder padding="sm" component="article" aria-label={visible ? item.householdLabel ?? '' : m.caseLabel(item.caseId)}>
      <Stack gap={4}>
        <Group justify="space-between">
          <Text fw={600}>{visible ? item.householdLabel : m.caseLabel(item.caseId)}</Text>
          {item.decision && <Text size="sm">{`${m.decision}: ${m.decisions[item.decision] ?? item.decision}`}</Text>}
        </Group>
        {!visible && <Text size="sm" c="dimmed">{m.hiddenReasons[item.hiddenReason ?? ''] ?? m.agendaHidden}</Text>}
        <Text size="sm">{item.basis === 'statutory' ? m.basisStatutory(item.legalBasis ?? '') : m.basisConsent(item.consentId ?? '')}</Text>
        {visible && (
          <Group>
            <Button size="xs" variant="default" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
              {m.showMaterial}
            </Button>
          </Group>
        )}
        {visible && open && <AgendaMaterial meeting={meeting} itemId={item.id} />}
      </Stack>
    </Card>
  );
}

function AddCase({ meeting }: { meeting: MeetingView }) {
  const queryClient = useQueryClient();
  const cases = useQuery(ownCasesQueryOptions);
  const [caseId, setCaseId] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const onAgenda = new Set(meeting.agendaItems.map((i) => i.caseId));
  const choices = (cases.data ?? []).filter((c) => !onAgenda.has(c.id));
  const add = useMutation({
    mutationFn: () => addAgendaItem(meeting.id, caseId),
    onMutate: () => setNotice(null),
    onSuccess: (saved) => {
      meetingChanged(queryClient, saved);
      setCaseId('');
      setNotice(m.added);
    },
  });
  return (
    <Stack gap="xs" mt="sm">
      <Notice>{notice}</Notice>
      <ErrorAlert error={add.error ?? cases.error} />
      {cases.data && choices.length === 0 ? (
        <Text size="sm" c="dimmed">
          {m.noCases}
        </Text>
      ) : (
        <Group align="flex-end">
          <NativeSelect
            label={m.addCase}
            description={m.addCaseHint}
            value={caseId}
            onChange={(e) => setCaseId(e.currentTarget.value)}
            data={[{ value: '', label: '—' }, ...choices.map((c) => ({ value: c.id, label: c.householdLabel }))]}
            miw={320}
          />
          <Button onClick={() => add.mutate()} disabled={!caseId} loading={add.isPending}>
            {m.addToAgenda}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
