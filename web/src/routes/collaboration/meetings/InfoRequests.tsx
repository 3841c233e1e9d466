import { Button, Group, NativeSelect, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ja } from '../../../i18n/ja';
import { useMe } from '../../../lib/me';
import { answerInfo, type InfoRequest, type Material, type MeetingView, meetingChanged, requestInfo } from './api';

const m = ja.meetings;

/** 情報提供の依頼 and 回答: the convener (or the case's lead) asks a member agency; that agency answers. */
export function InfoRequests({ meeting, material }: { meeting: MeetingView; material: Material }) {
  const me = useMe();
  const myAgencies = me.agencies.map((a) => a.id);
  const active = meeting.status !== 'closed';
  const canAsk = active && meeting.myRole === 'convener';
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        {m.infoRequests}
      </Text>
      {material.infoRequests.length === 0 && (
        <Text size="sm" c="dimmed">
          {m.noInfoRequests}
        </Text>
      )}
      {material.infoRequests.map((r) => (
        <RequestCard key={r.id} request={r} canAnswer={active && r.answer === null && myAgencies.includes(r.toAgencyId)} />
      ))}
      {canAsk && <AskForm meeting={meeting} itemId={material.agendaItemId} />}
    </Stack>
  );
}

function RequestCard({ request, canAnswer }: { request: InfoRequest; canAnswer: boolean }) {
  const queryClient = useQueryClient();
  const [answer, setAnswer] = useState('');
  const send = useMutation({ mutationFn: () => answerInfo(request.id, answer.trim()), onSuccess: () => meetingChanged(queryClient) });
  return (
    <Paper withBorder p="xs">
      <Text size="sm">{`${m.infoRequestTo}: ${request.toAgencyName} ／ ${request.question}`}</Text>
      <Text size="sm" c={request.answer ? undefined : 'dimmed'}>{`${m.answer}: ${request.answer ?? m.noAnswer}`}</Text>
      {canAnswer && (
        <Stack gap={4} mt={4}>
          <ErrorAlert error={send.error} />
          <Textarea label={m.answer} value={answer} onChange={(e) => setAnswer(e.currentTarget.value)} autosize minRows={2} />
          <Group>
            <Button size="xs" onClick={() => send.mutate()} disabled={!answer.trim()} loading={send.isPending}>
              {m.sendAnswer}
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}

function AskForm({ meeting, itemId }: { meeting: MeetingView; itemId: string }) {
  const queryClient = useQueryClient();
  const [to, setTo] = useState('');
  const [question, setQuestion] = useState('');
  const ask = useMutation({
    mutationFn: () => requestInfo(itemId, to, question.trim()),
    onSuccess: () => {
      setQuestion('');
      meetingChanged(queryClient);
    },
  });
  return (
    <Stack gap={4}>
      <ErrorAlert error={ask.error} />
      <Group align="flex-end">
        <NativeSelect label={m.infoRequestTo} value={to} onChange={(e) => setTo(e.currentTarget.value)} data={[{ value: '', label: '—' }, ...meeting.members.map((x) => ({ value: x.agencyId, label: x.agencyName }))]} />
        <Textarea label={m.question} value={question} onChange={(e) => setQuestion(e.currentTarget.value)} autosize minRows={1} miw={320} />
        <Button size="xs" onClick={() => ask.mutate()} disabled={!to || !question.trim()} loading={ask.isPending}>
          {m.ask}
        </Button>
      </Group>
    </Stack>
  );
}
