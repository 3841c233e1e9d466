import { Group, Stack, Switch, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { RequireRole } from '../../components/RequireRole';
import { Section } from '../../components/Section';
import { ja } from '../../i18n/ja';
import { useFormatDate } from '../../lib/dates';
import { hasAnyRole, useMe } from '../../lib/me';
import { CONSULTATION_ROLES } from '../consultation/api';
import { AnchorLink } from '../consultation/AnchorLink';
import { coordinationInboxQueryOptions, type Episode } from './team/api';
import { EpisodeResponse } from './team/EpisodeResponse';
import { EpisodeStatusBadge } from './team/EpisodeStatusBadge';

const c = ja.collaboration;

/**
 * 多機関協働: the coordinator's requests and involvements (依頼・関与中のケース), answered here —
 * the case itself opens to the coordinator once it is involved — and the way to 会議 and 見直し・期日.
 */
export function CollaborationPage() {
  return (
    <RequireRole roles={CONSULTATION_ROLES}>
      <CollaborationScreen />
    </RequireRole>
  );
}

function CollaborationScreen() {
  const me = useMe();
  const [all, setAll] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const inbox = useQuery(coordinationInboxQueryOptions(all));
  const isCoordinator = hasAnyRole(me, ['coordinator']);
  return (
    <Stack>
      <PageHeader title={c.heading} description={c.intro} />
      <Group gap="lg" aria-label={c.links} role="group">
        <AnchorLink to="/collaboration/meetings">{c.meetingsLink}</AnchorLink>
        <AnchorLink to="/collaboration/reminders">{c.remindersLink}</AnchorLink>
      </Group>
      <Section title={c.inboxTable}>
        <Notice>{notice}</Notice>
        <Switch label={c.showAll} checked={all} onChange={(e) => setAll(e.currentTarget.checked)} />
        <ErrorAlert error={inbox.error} />
        {inbox.isPending && <Loading />}
        {inbox.data && <InboxTable items={inbox.data} canAnswer={isCoordinator} onDone={setNotice} />}
      </Section>
    </Stack>
  );
}

function InboxTable({ items, canAnswer, onDone }: { items: Episode[]; canAnswer: boolean; onDone: (message: string) => void }) {
  const fmt = useFormatDate();
  const columns = canAnswer ? 6 : 5;
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table aria-label={c.inboxTable} striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{c.colHousehold}</Table.Th>
            <Table.Th scope="col">{c.colRequestedBy}</Table.Th>
            <Table.Th scope="col">{c.colReason}</Table.Th>
            <Table.Th scope="col">{c.colStatus}</Table.Th>
            <Table.Th scope="col">{c.colRequestedAt}</Table.Th>
            {canAnswer && <Table.Th scope="col">{c.colActions}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={columns}>
                <Text c="dimmed">{c.inboxEmpty}</Text>
              </Table.Td>
            </Table.Tr>
          )}
          {items.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>
                {/* The case opens to the coordinator only while it is involved (関与中). */}
                {e.status === 'active' ? (
                  <AnchorLink to="/consultation/cases/$id" params={{ id: e.caseId }}>
                    {e.householdLabel}
                  </AnchorLink>
                ) : (
                  e.householdLabel
                )}
              </Table.Td>
              <Table.Td>{e.requestedByAgency}</Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{e.requestReason}</Table.Td>
              <Table.Td>
                <EpisodeStatusBadge status={e.status} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.date(e.requestedAt)}</Table.Td>
              {canAnswer && <Table.Td>{e.status === 'requested' && <EpisodeResponse episode={e} onDone={onDone} />}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
