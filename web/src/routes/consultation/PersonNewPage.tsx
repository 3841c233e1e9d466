import { Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { PageHeader } from '../../components/PageHeader';
import { RequireRole } from '../../components/RequireRole';
import { ja } from '../../i18n/ja';
import { CONSULTATION_ROLES, personQueryKey, registerPerson } from './api';
import { AnchorLink } from './AnchorLink';
import { PersonForm } from './PersonForm';
import { emptyPersonForm } from './personFormValues';

const c = ja.consultation;

/** 本人の登録. After saving, the new person's page opens. */
export function PersonNewPage() {
  return (
    <RequireRole roles={CONSULTATION_ROLES}>
      <PersonNewScreen />
    </RequireRole>
  );
}

function PersonNewScreen() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const register = useMutation({
    mutationFn: registerPerson,
    onSuccess: async (person) => {
      queryClient.setQueryData(personQueryKey(person.id), person);
      await queryClient.invalidateQueries({ queryKey: ['persons', 'search'] });
      await navigate({ to: '/consultation/persons/$id', params: { id: person.id } });
    },
  });

  return (
    <Stack>
      <AnchorLink to="/consultation" size="sm">
        {c.backToSearch}
      </AnchorLink>
      <PageHeader title={c.person.newHeading} />
      <PersonForm
        initial={emptyPersonForm}
        submitLabel={c.person.register}
        pending={register.isPending}
        error={register.error}
        onSubmit={(input) => register.mutate(input)}
      />
    </Stack>
  );
}
