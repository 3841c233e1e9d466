import { Badge, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { RequireRole } from '../../../components/RequireRole';
import { ja } from '../../../i18n/ja';
import { useFormatDate } from '../../../lib/dates';
import { AnchorLink } from '../../consultation/AnchorLink';
import { ButtonLink } from '../../consultation/intake/ButtonLink';
import { MEETING_ROLES, type MeetingFilter, meetingListQueryOptions } from './api';

const m = ja.meetings;
const FILTERS: MeetingFilter[] = ['upcoming', 'closed', 'all'];

/** 会議の一覧: meetings the user's agency convenes or takes part in (no personal data in the list). */
export function MeetingListPage() {
  return (
    <RequireRole roles={MEETING_ROLES}>
      <MeetingListScreen />
    </RequireRole>
  );
}

export function MeetingStatusBadge({ status }: { status: string }) {
  const color = status === 'open' ? 'teal' : status === 'closed' ? 'gray' : 'blue';
  return (
    <Badge color={color} variant="light">
      {m.status[status] ?? status}
    </Badge>
  );
}

function MeetingListScreen() {
  const [filter, setFilter] = useState<MeetingFilter>('upcoming');
  const list = useQuery(meetingListQueryOptions(filter));
  const fmt = useFormatDate();
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <PageHeader title={m.heading} description={m.intro} />
        <ButtonLink to="/collaboration/meetings/new">{m.newMeeting}</ButtonLink>
      </Group>
      <Group gap="sm" align="center">
        <Text size="sm" id="meeting-filter">
          {m.filterLabel}
        </Text>
        <SegmentedControl
          aria-labelledby="meeting-filter"
          value={filter}
          onChange={(v) => setFilter(FILTERS.find((f) => f === v) ?? 'upcoming')}
          data={FILTERS.map((f) => ({ value: f, label: m.filters[f] ?? f }))}
        />
      </Group>
      <ErrorAlert error={list.error} />
      {list.isPending && <Loading />}
      {list.data && (
        <Table.ScrollContainer minWidth={760}>
          <Table aria-label={m.tableLabel} striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{m.colDate}</Table.Th>
                <Table.Th scope="col">{m.colTitle}</Table.Th>
                <Table.Th scope="col">{m.colType}</Table.Th>
                <Table.Th scope="col">{m.colConvener}</Table.Th>
                <Table.Th scope="col">{m.colStatus}</Table.Th>
                <Table.Th scope="col">{m.colAgenda}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Text c="dimmed">{m.empty}</Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {list.data.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(item.scheduledAt)}</Table.Td>
                  <Table.Td>
                    <AnchorLink to="/collaboration/meetings/$id" params={{ id: item.id }}>
                      {item.title}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{item.typeName}</Table.Td>
                  <Table.Td>{item.convenedByAgencyName}</Table.Td>
                  <Table.Td>
                    <MeetingStatusBadge status={item.status} />
                  </Table.Td>
                  <Table.Td>{item.agendaCount}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
