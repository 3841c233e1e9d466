import { Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { RequireRole } from '../../../components/RequireRole';
import { ja } from '../../../i18n/ja';
import { api } from '../../../lib/api';
import { ADMIN_ROLES } from '../../../lib/me';
import { usersQueryOptions } from '../users/api';
import { type Capabilities, CapabilityTable } from './CapabilityTable';

const t = ja.access;

export function AccessPage() {
  return (
    <RequireRole roles={ADMIN_ROLES}>
      <AccessScreen />
    </RequireRole>
  );
}

/** Explains, for one user, what each kind of record allows by relationship, and why. */
function AccessScreen() {
  const [userId, setUserId] = useState<string | null>(null);
  const users = useQuery(usersQueryOptions);
  const capabilities = useQuery({
    queryKey: ['admin', 'users', userId, 'capabilities'],
    queryFn: ({ signal }) =>
      api.get<Capabilities>(`/admin/users/${encodeURIComponent(userId ?? '')}/capabilities`, undefined, signal),
    enabled: userId !== null,
  });
  const options = (users.data ?? []).map((u) => ({
    value: u.id,
    label: ja.text.userOption(u.displayName, u.loginName),
  }));

  return (
    <Stack>
      <PageHeader title={t.heading} description={t.intro} />
      <ErrorAlert error={users.error} />
      <Select
        label={t.user}
        placeholder={t.userPlaceholder}
        data={options}
        value={userId}
        onChange={setUserId}
        searchable
        nothingFoundMessage={t.noMatch}
        maw={420}
      />
      {userId && capabilities.isPending && <Loading />}
      <ErrorAlert error={capabilities.error} />
      {capabilities.data && (
        <Stack gap="xs">
          <Title order={2} size="h4">
            {ja.text.userOption(capabilities.data.user.displayName, capabilities.data.user.loginName)}
          </Title>
          <Text size="sm" c="dimmed">
            {t.legend}
          </Text>
          <CapabilityTable data={capabilities.data} />
        </Stack>
      )}
    </Stack>
  );
}
