import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { RequireRole } from '../../components/RequireRole';
import { ja } from '../../i18n/ja';
import { isApiError } from '../../lib/api';
import { CONSULTATION_ROLES, type PersonInput, type PersonView, personQueryKey, personQueryOptions, updatePerson } from './api';
import { AnchorLink } from './AnchorLink';
import { ButtonLink } from './intake/ButtonLink';
import { ConsultationListSection } from './intake/ConsultationList';
import { fullName } from './format';
import { PersonDetails, PersonHouseholds } from './PersonDetails';
import { PersonForm } from './PersonForm';
import { PersonParticipationSection } from '../participation/PersonParticipationSection';
import { formFromPerson } from './personFormValues';

const c = ja.consultation;
const p = c.person;
const route = getRouteApi('/app/consultation/persons/$id');

/** 本人: what is recorded, the households, and 編集 with the registration form. */
export function PersonPage() {
  return (
    <RequireRole roles={CONSULTATION_ROLES}>
      <PersonScreen />
    </RequireRole>
  );
}

function PersonScreen() {
  const { id } = route.useParams();
  const person = useQuery(personQueryOptions(id));
  return (
    <Stack>
      <AnchorLink to="/consultation" size="sm">
        {c.backToSearch}
      </AnchorLink>
      <ErrorAlert error={person.error} />
      {person.isPending && <Loading />}
      {person.data && <PersonBody key={person.data.id} person={person.data} />}
    </Stack>
  );
}

function PersonBody({ person }: { person: PersonView }) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [conflict, setConflict] = useState<unknown>(null);
  const update = useMutation({
    // The version read when the form opened goes back; a 409 means someone saved first.
    mutationFn: (input: PersonInput) => updatePerson(person.id, { ...input, version: person.version }),
    onSuccess: (saved) => {
      queryClient.setQueryData(personQueryKey(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['persons', 'search'] });
      setEditing(false);
      setConflict(null);
      setNotice(p.updated);
    },
    onError: async (error) => {
      if (!isApiError(error, 'conflict')) return;
      // Show the server's message and reload: the form reopens with the latest version.
      setConflict(error);
      await queryClient.invalidateQueries({ queryKey: personQueryKey(person.id) });
      update.reset();
    },
  });

  function startEditing() {
    setNotice(null);
    setConflict(null);
    update.reset();
    setEditing(true);
  }

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Group gap="sm" align="center">
          <PageHeader title={fullName(person)} />
          {person.confidential && (
            <Badge color="red" variant="light" radius="sm" tt="none">
              {p.confidentialBadge}
            </Badge>
          )}
        </Group>
        {!editing && (
          <Group gap="xs">
            <ButtonLink to="/consultation/intake/new" search={{ personId: person.id }} variant="light">
              {c.intake.newForPerson}
            </ButtonLink>
            <ButtonLink to="/referral/new" search={{ personId: person.id }} variant="light">
              {ja.referral.referButton}
            </ButtonLink>
            <Button onClick={startEditing}>{p.edit}</Button>
          </Group>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {p.readsAudited}
      </Text>
      <Notice>{notice}</Notice>
      {editing ? (
        <Stack gap="sm">
          {conflict ? <ErrorAlert error={conflict} title={p.conflictReloaded} /> : null}
          <PersonForm
            key={person.version}
            initial={formFromPerson(person)}
            submitLabel={p.save}
            pending={update.isPending}
            error={update.error}
            excludeId={person.id}
            onSubmit={(input) => update.mutate(input)}
            onCancel={() => setEditing(false)}
          />
        </Stack>
      ) : (
        <>
          <PersonDetails person={person} />
          <PersonHouseholds households={person.households} />
          <ConsultationListSection title={c.intake.history} empty={c.intake.historyEmpty} personId={person.id} />
          <PersonParticipationSection personId={person.id} />
        </>
      )}
    </Stack>
  );
}
