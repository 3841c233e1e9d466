import { Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { RequireRole } from '../../../components/RequireRole';
import { ja } from '../../../i18n/ja';
import { agenciesQueryOptions } from '../../../lib/agencies';
import { ApiError } from '../../../lib/api';
import { preventEnterWhileComposing } from '../../../lib/ime';
import { useMe } from '../../../lib/me';
import { AnchorLink } from '../../consultation/AnchorLink';
import { MEETING_ROLES, type MeetingType, meetingChanged, meetingTypesQueryOptions, scheduleMeeting } from './api';

const m = ja.meetings;

/** 会議の予定を立てる: type (its legal basis and consent rule shown), title, date and place, member agencies. */
export function MeetingNewPage() {
  return (
    <RequireRole roles={MEETING_ROLES}>
      <Stack maw={860}>
        <AnchorLink to="/collaboration/meetings" size="sm">
          {m.back}
        </AnchorLink>
        <PageHeader title={m.newHeading} />
        <NewMeeting />
      </Stack>
    </RequireRole>
  );
}

function NewMeeting() {
  const types = useQuery(meetingTypesQueryOptions());
  const agencies = useQuery(agenciesQueryOptions);
  if (types.error || agencies.error) return <ErrorAlert error={types.error ?? agencies.error} />;
  if (!types.data || !agencies.data) return <Loading />;
  return <MeetingForm types={types.data} agencies={agencies.data.filter((a) => a.status === 'active')} />;
}

function MeetingForm({ types, agencies }: { types: MeetingType[]; agencies: Array<{ id: string; name: string }> }) {
  const me = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [typeId, setTypeId] = useState(types[0]?.id ?? '');
  const type = types.find((t) => t.id === typeId);
  const [title, setTitle] = useState('');
  const [scheduledAt, setScheduledAt] = useState('');
  const [place, setPlace] = useState('');
  const [members, setMembers] = useState<string[]>(type?.memberAgencyIds ?? []);
  const own = me.agencies[0]?.id;
  const save = useMutation({
    mutationFn: () =>
      scheduleMeeting({
        meetingTypeId: typeId,
        title: title.trim(),
        scheduledAt: scheduledAt ? new Date(scheduledAt).toISOString() : '',
        place: place.trim() || null,
        memberAgencyIds: members,
      }),
    onSuccess: (saved) => {
      meetingChanged(queryClient, saved);
      void navigate({ to: '/collaboration/meetings/$id', params: { id: saved.id } });
    },
  });
  const fields = save.error instanceof ApiError ? save.error.fieldErrors() : {};

  function chooseType(id: string) {
    setTypeId(id);
    setMembers(types.find((t) => t.id === id)?.memberAgencyIds ?? []);
  }
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <form onSubmit={submit} onKeyDown={preventEnterWhileComposing} noValidate>
      <Stack>
        <ErrorAlert error={save.error} />
        <Paper withBorder p="md" radius="md">
          <Stack>
            <NativeSelect label={m.type} value={typeId} onChange={(e) => chooseType(e.currentTarget.value)} data={types.map((t) => ({ value: t.id, label: t.name }))} error={fields.meetingTypeId} required />
            {type && (
              <Text size="sm" c="dimmed">
                {m.typeFacts(type.legalBasis, type.convenedBy)} ／ {type.consentRequired ? m.consentRequired : m.consentNotRequired} ／ {type.closedToPublic ? m.closedToPublic : m.openToPublic}
              </Text>
            )}
            <TextInput label={m.title} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={fields.title} required />
            <Group grow align="flex-start">
              <TextInput label={m.scheduledAt} type="datetime-local" value={scheduledAt} onChange={(e) => setScheduledAt(e.currentTarget.value)} error={fields.scheduledAt} required />
              <TextInput label={m.place} value={place} onChange={(e) => setPlace(e.currentTarget.value)} error={fields.place} />
            </Group>
            <Checkbox.Group label={m.members} description={m.membersHint} value={members} onChange={setMembers} error={fields.memberAgencyIds}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
                {agencies
                  .filter((a) => a.id !== own)
                  .map((a) => (
                    <Checkbox key={a.id} value={a.id} label={a.name} />
                  ))}
              </SimpleGrid>
            </Checkbox.Group>
          </Stack>
        </Paper>
        <Group>
          <Button type="submit" loading={save.isPending}>
            {m.schedule}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
