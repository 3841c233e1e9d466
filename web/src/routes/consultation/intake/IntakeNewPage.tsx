import { Stack } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { RequireRole } from '../../../components/RequireRole';
import { ja } from '../../../i18n/ja';
import { CONSULTATION_ROLES, personQueryOptions } from '../api';
import { AnchorLink } from '../AnchorLink';
import { fullName } from '../format';
import { consultationQueryKey, takeConsultation } from './api';
import { IntakeForm } from './IntakeForm';

const i = ja.consultation.intake;
const route = getRouteApi('/app/consultation/intake/new');

/** 相談受付. `?personId=` starts with that person chosen (from the person's page). */
export function IntakeNewPage() {
  return (
    <RequireRole roles={CONSULTATION_ROLES}>
      <IntakeNewScreen />
    </RequireRole>
  );
}

function IntakeNewScreen() {
  const { personId } = route.useSearch();
  const person = useQuery({ ...personQueryOptions(personId ?? ''), enabled: !!personId });
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const take = useMutation({
    mutationFn: takeConsultation,
    onSuccess: async (saved) => {
      queryClient.setQueryData(consultationQueryKey(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: ['consultations', 'list'] });
      await navigate({ to: '/consultation/intake/$id', params: { id: saved.id } });
    },
  });
  const waiting = !!personId && person.isPending;
  const initialPerson = person.data ? { id: person.data.id, name: fullName(person.data) } : null;

  return (
    <Stack>
      <AnchorLink to="/consultation" size="sm">
        {i.back}
      </AnchorLink>
      <PageHeader title={i.newHeading} />
      <ErrorAlert error={personId ? person.error : null} />
      {waiting ? (
        <Loading />
      ) : (
        <IntakeForm
          key={initialPerson?.id ?? ''}
          initialPerson={initialPerson}
          pending={take.isPending}
          error={take.error}
          onSubmit={(input) => take.mutate(input)}
        />
      )}
    </Stack>
  );
}
