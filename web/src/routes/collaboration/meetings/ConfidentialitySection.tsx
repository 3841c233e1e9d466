import { Blockquote, Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Section } from '../../../components/Section';
import { ja } from '../../../i18n/ja';
import { useFormatDate } from '../../../lib/dates';
import { acknowledge, type MeetingView, meetingChanged } from './api';

const m = ja.meetings;

/** 守秘義務の確認 (支援会議, 社会福祉法106条の6): the statutory text, a checkbox, then the confirmation (logged). */
export function ConfidentialitySection({ meeting }: { meeting: MeetingView }) {
  const queryClient = useQueryClient();
  const fmt = useFormatDate();
  const [checked, setChecked] = useState(false);
  const confirm = useMutation({
    mutationFn: () => acknowledge(meeting.id),
    onSuccess: (saved) => meetingChanged(queryClient, saved),
  });
  return (
    <Section title={m.confidentiality}>
      <Blockquote color="orange" p="sm">
        {m.confidentialityText}
      </Blockquote>
      {meeting.acknowledgedByMe ? (
        <Text role="status">{m.confidentialityDone}</Text>
      ) : (
        meeting.status !== 'closed' && (
          <Stack gap="xs">
            <ErrorAlert error={confirm.error} />
            <Checkbox label={m.confidentialityCheck} checked={checked} onChange={(e) => setChecked(e.currentTarget.checked)} />
            <Group>
              <Button onClick={() => confirm.mutate()} disabled={!checked} loading={confirm.isPending}>
                {m.confidentialityConfirm}
              </Button>
            </Group>
          </Stack>
        )
      )}
      {meeting.acknowledgements.length > 0 && (
        <Text size="sm" c="dimmed">
          {m.acknowledgedBy}: {meeting.acknowledgements.map((a) => `${a.userName}（${fmt.dateTime(a.at)}）`).join('、')}
        </Text>
      )}
    </Section>
  );
}
