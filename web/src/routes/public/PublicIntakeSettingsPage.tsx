import { Anchor, Button, Group, Paper, Select, Stack, Switch, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { RequireRole } from '../../components/RequireRole';
import { ja } from '../../i18n/ja';
import { ApiError, isApiError } from '../../lib/api';
import { ADMIN_ROLES } from '../../lib/me';
import { type PublicIntakeSetting, publicIntakeSettingKey, publicIntakeSettingQueryOptions, savePublicIntakeSetting } from './settings-api';

const s = ja.publicIntake;

/** オンライン相談の設定 (管理): the agency that receives the public form's consultations, and on/off. */
export function PublicIntakeSettingsPage() {
  const setting = useQuery(publicIntakeSettingQueryOptions);
  const [notice, setNotice] = useState<string | null>(null);
  const [conflict, setConflict] = useState<unknown>(null);
  return (
    <RequireRole roles={ADMIN_ROLES}>
      <Stack maw={720}>
        <PageHeader title={s.heading} description={s.intro} />
        <div>
          <Anchor href="/soudan" target="_blank" rel="noopener">
            {s.publicLink}
          </Anchor>
        </div>
        <Notice>{notice}</Notice>
        <ErrorAlert error={conflict} title={s.conflictReloaded} />
        <ErrorAlert error={setting.error} />
        {setting.isPending && <Loading />}
        {setting.data && <SettingForm key={setting.data.version} current={setting.data} onNotice={setNotice} onConflict={setConflict} />}
      </Stack>
    </RequireRole>
  );
}

function SettingForm({ current, onNotice, onConflict }: { current: PublicIntakeSetting; onNotice: (m: string | null) => void; onConflict: (e: unknown) => void }) {
  const queryClient = useQueryClient();
  const [enabled, setEnabled] = useState(current.enabled);
  const [agencyId, setAgencyId] = useState<string | null>(current.designatedAgencyId);
  const save = useMutation({
    mutationFn: () => savePublicIntakeSetting({ enabled, designatedAgencyId: agencyId ?? '', version: current.version }),
    onMutate: () => {
      onNotice(null);
      onConflict(null);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(publicIntakeSettingKey, saved);
      onNotice(s.saved);
    },
    onError: async (error) => {
      if (!isApiError(error, 'conflict')) return;
      onConflict(error);
      await queryClient.invalidateQueries({ queryKey: publicIntakeSettingKey });
    },
  });
  const fields = save.error instanceof ApiError ? save.error.fieldErrors() : {};

  if (current.agencies.length === 0) return <Text>{s.noAgency}</Text>;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={isApiError(save.error, 'conflict') ? null : save.error} />
        <Paper withBorder p="md" radius="md">
          <Stack gap="md">
            <Switch label={s.enabled} description={s.enabledHint} checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} />
            <Select
              label={s.agency}
              description={s.agencyHint}
              data={current.agencies.map((a) => ({ value: a.id, label: a.name }))}
              value={agencyId}
              onChange={setAgencyId}
              error={fields.designatedAgencyId}
              allowDeselect={false}
              searchable
              required
              maw={480}
            />
          </Stack>
        </Paper>
        <Group>
          <Button type="submit" loading={save.isPending}>
            {s.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
