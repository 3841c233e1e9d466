import { Button, Group, Paper, Stack, Switch } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Notice } from '../../../components/Notice';
import { PageHeader } from '../../../components/PageHeader';
import { RequireRole } from '../../../components/RequireRole';
import { ja } from '../../../i18n/ja';
import { api } from '../../../lib/api';
import { ADMIN_ROLES, type Role } from '../../../lib/me';

const r = ja.roleSettings;

interface RoleSetting {
  role: Role;
  label: string;
  requireTotp: boolean;
  version: number;
}

const roleSettingsKey = ['admin', 'role-settings'] as const;

const toValues = (items: RoleSetting[]): Record<string, boolean> =>
  Object.fromEntries(items.map((s) => [s.role, s.requireTotp]));

export function RoleSettingsPage() {
  const settings = useQuery({
    queryKey: roleSettingsKey,
    queryFn: ({ signal }) => api.get<{ items: RoleSetting[] }>('/admin/role-settings', undefined, signal),
    select: (data) => data.items,
  });
  return (
    <RequireRole roles={ADMIN_ROLES}>
      <Stack maw={720}>
        <PageHeader title={r.heading} description={r.intro} />
        <ErrorAlert error={settings.error} />
        {settings.isPending && <Loading />}
        {settings.data && <RoleSettingsForm items={settings.data} />}
      </Stack>
    </RequireRole>
  );
}

/** One switch per role; 保存 sends only the roles that changed, one PUT each with its version. */
function RoleSettingsForm({ items }: { items: RoleSetting[] }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState(() => toValues(items));
  const [notice, setNotice] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: async () => {
      const changed = items.filter((s) => values[s.role] !== s.requireTotp);
      for (const s of changed) {
        await api.put<RoleSetting>(`/admin/role-settings/${encodeURIComponent(s.role)}`, {
          requireTotp: values[s.role],
          version: s.version,
        });
      }
      return changed.length;
    },
    onSuccess: (count) => setNotice(count > 0 ? r.saved : r.noChanges),
    // Saved or not, reload the versions. After an error (e.g. 409) show what the server now holds.
    onSettled: async (_count, error) => {
      await queryClient.invalidateQueries({ queryKey: roleSettingsKey });
      const fresh = queryClient.getQueryData<{ items: RoleSetting[] }>(roleSettingsKey);
      if (error && fresh) setValues(toValues(fresh.items));
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(null);
    save.mutate();
  }

  return (
    <form onSubmit={submit}>
      <Stack>
        <Notice>{notice}</Notice>
        <ErrorAlert error={save.error} />
        <Paper withBorder p="md" radius="md">
          <Stack gap="md">
            {items.map((s) => (
              <Switch
                key={s.role}
                label={r.requireTotp(ja.roles[s.role] ?? s.label)}
                checked={values[s.role] ?? false}
                onChange={(e) => {
                  const checked = e.currentTarget.checked;
                  setValues((v) => ({ ...v, [s.role]: checked }));
                }}
              />
            ))}
          </Stack>
        </Paper>
        <Group>
          <Button type="submit" loading={save.isPending}>
            {r.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
