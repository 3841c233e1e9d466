import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Notice } from '../../../components/Notice';
import { PageHeader } from '../../../components/PageHeader';
import { RequireRole } from '../../../components/RequireRole';
import { ja } from '../../../i18n/ja';
import { useFormatDate } from '../../../lib/dates';
import { AnchorLink } from '../../consultation/AnchorLink';
import { AgendaSection } from './AgendaSection';
import { AttendanceSection } from './AttendanceSection';
import { closeMeeting, MEETING_ROLES, type MeetingView, meetingChanged, meetingQueryOptions, openMeeting } from './api';
import { ConfidentialitySection } from './ConfidentialitySection';
import { MeetingStatusBadge } from './MeetingListPage';

const m = ja.meetings;
const route = getRouteApi('/app/collaboration/meetings/$id');

/** One meeting: facts, 開始/終了 (convener), 参加機関と出欠, 守秘義務の確認, 議題 with their material. */
export function MeetingDetailPage() {
  return (
    <RequireRole roles={MEETING_ROLES}>
      <MeetingScreen />
    </RequireRole>
  );
}

function MeetingScreen() {
  const { id } = route.useParams();
  const meeting = useQuery(meetingQueryOptions(id));
  return (
    <Stack>
      <AnchorLink to="/collaboration/meetings" size="sm">
        {m.back}
      </AnchorLink>
      <ErrorAlert error={meeting.error} />
      {meeting.isPending && <Loading />}
      {meeting.data && <MeetingBody meeting={meeting.data} />}
    </Stack>
  );
}

function MeetingBody({ meeting }: { meeting: MeetingView }) {
  const fmt = useFormatDate();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const step = useMutation({
    mutationFn: (action: 'open' | 'close') => (action === 'open' ? openMeeting(meeting.id, meeting.version) : closeMeeting(meeting.id, meeting.version)),
    onMutate: () => setNotice(null),
    onSuccess: (saved, action) => {
      meetingChanged(queryClient, saved);
      setNotice(action === 'open' ? m.opened : m.closed);
    },
  });
  const convener = meeting.myRole === 'convener';
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Group gap="sm" align="center">
          <PageHeader title={meeting.title} />
          <MeetingStatusBadge status={meeting.status} />
        </Group>
        {convener && meeting.status !== 'closed' && (
          <Group gap="xs">
            {meeting.status === 'scheduled' && (
              <Button onClick={() => step.mutate('open')} loading={step.isPending && step.variables === 'open'}>
                {m.openMeeting}
              </Button>
            )}
            <Button variant="default" onClick={() => step.mutate('close')} loading={step.isPending && step.variables === 'close'}>
              {m.closeMeeting}
            </Button>
          </Group>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {m.readsAudited}
      </Text>
      <Notice>{notice}</Notice>
      <ErrorAlert error={step.error} />
      <Table aria-label={m.detailFacts} withTableBorder variant="vertical" maw={860}>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={160}>{m.type}</Table.Th>
            <Table.Td>{meeting.type.name}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{m.legalBasis}</Table.Th>
            <Table.Td>
              {meeting.type.legalBasis} ／ {meeting.type.consentRequired ? m.consentRequired : m.consentNotRequired} ／ {meeting.type.closedToPublic ? m.closedToPublic : m.openToPublic}
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{m.scheduledAt}</Table.Th>
            <Table.Td>{fmt.dateTime(meeting.scheduledAt)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{m.place}</Table.Th>
            <Table.Td>{meeting.place ?? ja.app.none}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{m.convener}</Table.Th>
            <Table.Td>{meeting.convenedByAgencyName}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {meeting.acknowledgementRequired && <ConfidentialitySection meeting={meeting} />}
      <AttendanceSection key={`attendance-${meeting.version}`} meeting={meeting} />
      <AgendaSection meeting={meeting} />
    </Stack>
  );
}
