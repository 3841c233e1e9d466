import { Button, Checkbox, Group, List, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Notice } from '../../../components/Notice';
import { Section } from '../../../components/Section';
import { ja } from '../../../i18n/ja';
import { type MeetingView, meetingChanged, saveAttendance } from './api';

const m = ja.meetings;

/** 参加機関と出欠: the convener ticks who attended; members see the list. */
export function AttendanceSection({ meeting }: { meeting: MeetingView }) {
  const queryClient = useQueryClient();
  const [present, setPresent] = useState<Record<string, boolean>>(Object.fromEntries(meeting.members.map((x) => [x.agencyId, x.attended === true])));
  const [notice, setNotice] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => saveAttendance(meeting.id, meeting.version, meeting.members.map((x) => ({ agencyId: x.agencyId, attended: present[x.agencyId] === true }))),
    onMutate: () => setNotice(null),
    onSuccess: (saved) => {
      meetingChanged(queryClient, saved);
      setNotice(m.attendanceSaved);
    },
  });
  const editable = meeting.myRole === 'convener' && meeting.status !== 'closed';
  const name = (x: MeetingView['members'][number]) => (x.userName ? `${x.agencyName}（${x.userName}）` : x.agencyName);
  return (
    <Section title={m.membersAndAttendance}>
      {editable ? (
        <Stack gap="xs">
          <Notice>{notice}</Notice>
          <ErrorAlert error={save.error} />
          {meeting.members.map((x) => (
            <Checkbox
              key={x.agencyId}
              label={m.attended(name(x))}
              checked={present[x.agencyId] === true}
              onChange={(e) => {
                const value = e.currentTarget.checked;
                setPresent((p) => ({ ...p, [x.agencyId]: value }));
              }}
            />
          ))}
          <Group>
            <Button variant="default" onClick={() => save.mutate()} loading={save.isPending}>
              {m.saveAttendance}
            </Button>
          </Group>
        </Stack>
      ) : (
        <List size="sm">
          {meeting.members.map((x) => (
            <List.Item key={x.agencyId}>
              {name(x)}
              {x.attended === null ? '' : x.attended ? m.present : m.absent}
            </List.Item>
          ))}
        </List>
      )}
    </Section>
  );
}
