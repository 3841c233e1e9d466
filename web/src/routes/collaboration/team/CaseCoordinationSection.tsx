import { Button, Group, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Notice } from '../../../components/Notice';
import { Section } from '../../../components/Section';
import { ja } from '../../../i18n/ja';
import { ApiError } from '../../../lib/api';
import { useFormatDate } from '../../../lib/dates';
import { preventEnterWhileComposing } from '../../../lib/ime';
import type { CaseView } from '../../consultation/cases/api';
import { cancelCoordination, type Episode, requestCoordination } from './api';
import { EndCoordinationForm } from './EndCoordinationForm';
import { EpisodeResponse } from './EpisodeResponse';
import { EpisodeStatusBadge } from './EpisodeStatusBadge';
import { useCaseRoles } from './useCaseRoles';
import { conflictTitle, useCollaborationAction } from './useCollaborationAction';

const c = ja.collaboration.coordination;

/**
 * ケースの「多機関協働」: the history of requests and involvements; the lead asks (多機関協働に依頼)
 * or withdraws a pending request; the coordinator answers, and later ends its involvement.
 */
export function CaseCoordinationSection({ kase }: { kase: CaseView }) {
  const navigate = useNavigate();
  const [notice, setNotice] = useState<string | null>(null);
  const { episodes, isLead, isCoordinatorOf, openEpisode } = useCaseRoles(kase);
  const cancel = useCollaborationAction(kase.id, cancelCoordination, () => setNotice(c.cancelled));
  const open = kase.status === 'open';
  return (
    <Section title={c.title}>
      <Text size="sm" c="dimmed">
        {c.hint}
      </Text>
      <Notice>{notice}</Notice>
      <ErrorAlert error={episodes.error} />
      {episodes.isPending && <Loading />}
      {episodes.data && <EpisodeHistory items={episodes.data} />}
      {openEpisode?.status === 'requested' && isLead && (
        <Stack gap="xs">
          <ErrorAlert error={cancel.error} title={conflictTitle(cancel.error)} />
          <Group>
            <Button variant="default" onClick={() => cancel.mutate(openEpisode)} loading={cancel.isPending}>
              {c.cancel}
            </Button>
          </Group>
        </Stack>
      )}
      {openEpisode?.status === 'requested' && isCoordinatorOf(openEpisode) && (
        <EpisodeResponse episode={openEpisode} onDone={setNotice} />
      )}
      {openEpisode?.status === 'active' && isCoordinatorOf(openEpisode) && open && (
        <EndCoordinationForm
          key={openEpisode.id}
          kase={kase}
          episode={openEpisode}
          // The coordinator's agency leaves the team, so the case is no longer open to it.
          onDone={() => void navigate({ to: '/collaboration' })}
        />
      )}
      {episodes.data && !openEpisode && isLead && open && <RequestForm kase={kase} onDone={setNotice} />}
    </Section>
  );
}

function EpisodeHistory({ items }: { items: Episode[] }) {
  const fmt = useFormatDate();
  if (items.length === 0) return <Text c="dimmed">{c.empty}</Text>;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table aria-label={c.history} striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{c.colStatus}</Table.Th>
            <Table.Th scope="col">{c.colRequestedAt}</Table.Th>
            <Table.Th scope="col">{c.colRequestedBy}</Table.Th>
            <Table.Th scope="col">{c.colCoordinator}</Table.Th>
            <Table.Th scope="col">{c.colReason}</Table.Th>
            <Table.Th scope="col">{c.colOutcome}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>
                <EpisodeStatusBadge status={e.status} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.date(e.requestedAt)}</Table.Td>
              <Table.Td>{e.requestedByAgency}</Table.Td>
              <Table.Td>{e.coordinatorAgency ?? ja.app.none}</Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{e.requestReason}</Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  {e.startedOn && <Text size="sm">{c.started(fmt.date(e.startedOn))}</Text>}
                  {e.endedOn && <Text size="sm">{c.ended(fmt.date(e.endedOn))}</Text>}
                  {e.declineReason && <Text size="sm">{c.declineReason(e.declineReason)}</Text>}
                  {e.endSummary && (
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {c.summary(e.endSummary)}
                    </Text>
                  )}
                  {e.handoverLeadAgency && <Text size="sm">{c.handover(e.handoverLeadAgency)}</Text>}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** 多機関協働に依頼: the lead's reason; the municipality's 多機関協働事業者 receives it. */
function RequestForm({ kase, onDone }: { kase: CaseView; onDone: (message: string) => void }) {
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const send = useCollaborationAction(
    kase.id,
    (text: string) => requestCoordination(kase.id, text),
    () => {
      setReason('');
      onDone(c.requested);
    },
  );
  const fields = send.error instanceof ApiError ? send.error.fieldErrors() : {};

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = reason.trim();
    setMissing(text ? null : c.requestReasonRequired);
    if (text) send.mutate(text);
  }

  return (
    <form onSubmit={submit} onKeyDown={preventEnterWhileComposing} noValidate aria-label={c.requestTitle}>
      <Stack gap="sm" maw={640}>
        <Title order={3} size="h5">
          {c.requestTitle}
        </Title>
        <Textarea
          label={c.requestReason}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={missing ?? fields.reason ?? fields.coordinatorAgencyId}
          autosize
          minRows={2}
          maxLength={2000}
          required
        />
        <ErrorAlert error={send.error} title={conflictTitle(send.error)} />
        <Group>
          <Button type="submit" loading={send.isPending}>
            {c.requestSubmit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
