import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { RequireRole } from '../../components/RequireRole';
import { ja } from '../../i18n/ja';
import { CONSULTATION_ROLES, personSearchQueryOptions } from './api';
import { LeadCasesSection, TransferInboxLink } from './cases/LeadCasesSection';
import { ConsultationListSection } from './intake/ConsultationList';
import { PersonHitsTable } from './PersonHitsTable';

const c = ja.consultation;
const route = getRouteApi('/app/consultation');

/** 包括的相談支援: 本人検索 (one box), and the ways to register a person or a household. */
export function ConsultationPage() {
  return (
    <RequireRole roles={CONSULTATION_ROLES}>
      <ConsultationScreen />
    </RequireRole>
  );
}

function ConsultationScreen() {
  // The query lives in the URL (?q=…), so going back to the list shows the same results.
  const { q = '' } = route.useSearch();
  const navigate = useNavigate();
  const [text, setText] = useState(q);
  const search = useQuery(personSearchQueryOptions(q));
  useEffect(() => setText(q), [q]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = text.trim();
    void navigate({ to: '/consultation', search: next ? { q: next } : {} });
  }

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <PageHeader title={c.heading} />
        <Group gap="xs">
          <TransferInboxLink />
          <Button component={Link} to="/consultation/intake/new">
            {c.intake.open}
          </Button>
          <Button component={Link} to="/consultation/persons/new" variant="light">
            {c.registerPerson}
          </Button>
          <Button component={Link} to="/consultation/households/new" variant="light">
            {c.registerHousehold}
          </Button>
        </Group>
      </Group>
      {/* biome-ignore lint/a11y/useSemanticElements: <search> is not yet exposed as the search landmark by every browser and test tool. */}
      <form role="search" onSubmit={submit}>
        <Group align="flex-end" gap="xs">
          <TextInput
            label={c.searchLabel}
            placeholder={c.searchPlaceholder}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autoComplete="off"
            maxLength={100}
            style={{ flex: 1, maxWidth: 520 }}
          />
          <Button type="submit">{c.search}</Button>
        </Group>
      </form>
      <ErrorAlert error={search.error} />
      {search.isFetching && !search.data && <Loading />}
      {q && search.data && <PersonHitsTable label={c.results} hits={search.data.items} />}
      <LeadCasesSection />
      <ConsultationListSection title={c.intake.list} empty={c.intake.empty} limit={20} />
    </Stack>
  );
}
