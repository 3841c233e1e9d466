import { Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { RequireRole } from '../../components/RequireRole';
import { Section } from '../../components/Section';
import { ja } from '../../i18n/ja';
import { AnchorLink } from '../consultation/AnchorLink';
import { personQueryOptions } from '../consultation/api';
import { fullName } from '../consultation/format';
import { PersonSearchPicker } from '../consultation/PersonSearchPicker';
import { createNeed, type NeedFields, needQueryKey, PARTICIPATION_ROLES } from './api';
import { emptyNeed, NeedForm } from './NeedForm';

const t = ja.participation;
const route = getRouteApi('/app/participation/needs/new');

export interface NeedNewSearch {
  personId?: string;
  caseId?: string;
}

export function validateNeedNewSearch(search: Record<string, unknown>): NeedNewSearch {
  const pick = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  const personId = pick(search.personId);
  const caseId = pick(search.caseId);
  return { ...(personId ? { personId } : {}), ...(caseId ? { caseId } : {}) };
}

/** 参加支援の希望を登録: /participation/needs/new[?personId=…&caseId=…]; without a person, find one first. */
export function NeedNewPage() {
  return (
    <RequireRole roles={PARTICIPATION_ROLES}>
      <NeedNewScreen />
    </RequireRole>
  );
}

function NeedNewScreen() {
  const search = route.useSearch();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [picked, setPicked] = useState<{ id: string; name: string } | null>(null);
  const personId = search.personId ?? picked?.id ?? null;
  const person = useQuery({ ...personQueryOptions(search.personId ?? ''), enabled: !!search.personId });
  const name = picked?.name ?? (person.data ? fullName(person.data) : null);
  const save = useMutation({
    mutationFn: (fields: NeedFields) => createNeed({ ...fields, personId: personId! }),
    onSuccess: (need) => {
      queryClient.setQueryData(needQueryKey(need.id), need);
      void queryClient.invalidateQueries({ queryKey: ['participation-needs'] });
      void navigate({ to: '/participation/needs/$id', params: { id: need.id } });
    },
  });
  return (
    <Stack>
      <AnchorLink to="/participation" size="sm">
        {t.back}
      </AnchorLink>
      <PageHeader title={t.newHeading} />
      {personId === null ? (
        <Section title={t.person}>
          <PersonSearchPicker label={t.pickPerson} description={t.pickPersonHelp} actionLabel={t.pick} onPick={(hit) => setPicked({ id: hit.id, name: fullName(hit) })} />
        </Section>
      ) : (
        <>
          <Group>
            {name && <Text fw={500}>{t.chosen(name)}</Text>}
            {picked && (
              <Button variant="subtle" size="xs" onClick={() => setPicked(null)}>
                {t.changePerson}
              </Button>
            )}
          </Group>
          <ErrorAlert error={person.error} />
          <NeedForm personId={personId} initial={emptyNeed(search.caseId ?? null)} submitLabel={t.save} pending={save.isPending} error={save.error} onSubmit={(f) => save.mutate(f)} />
        </>
      )}
    </Stack>
  );
}
