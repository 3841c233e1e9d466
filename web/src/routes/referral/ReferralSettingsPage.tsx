import { Button, Group, NumberInput, Paper, Stack } from '@mantine/core';
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
import { type ReferralSettings, referralSettingsQueryKey, referralSettingsQueryOptions, saveReferralSettings } from './api';

const s = ja.referral.settings;

/** つなぐの設定 (管理): 回答期限（営業日） and 連絡なしとみなす日数. */
export function ReferralSettingsPage() {
  const settings = useQuery(referralSettingsQueryOptions);
  // Kept here: the form is remounted with the saved version (key), which would drop its own state.
  const [notice, setNotice] = useState<string | null>(null);
  const [conflict, setConflict] = useState<unknown>(null);
  return (
    <RequireRole roles={ADMIN_ROLES}>
      <Stack maw={720}>
        <PageHeader title={s.heading} description={s.intro} />
        <Notice>{notice}</Notice>
        <ErrorAlert error={conflict} title={ja.referral.conflictReloaded} />
        <ErrorAlert error={settings.error} />
        {settings.isPending && <Loading />}
        {settings.data && <SettingsForm key={settings.data.version} current={settings.data} onNotice={setNotice} onConflict={setConflict} />}
      </Stack>
    </RequireRole>
  );
}

const toInt = (value: string | number) => (typeof value === 'number' ? value : Number.parseInt(value, 10));

function SettingsForm({
  current,
  onNotice,
  onConflict,
}: {
  current: ReferralSettings;
  onNotice: (message: string | null) => void;
  onConflict: (error: unknown) => void;
}) {
  const queryClient = useQueryClient();
  const [alertWorkingDays, setAlertWorkingDays] = useState<string | number>(current.alertWorkingDays);
  const [noContactDays, setNoContactDays] = useState<string | number>(current.noContactDays);
  const save = useMutation({
    mutationFn: () =>
      saveReferralSettings({
        alertWorkingDays: toInt(alertWorkingDays),
        noContactDays: toInt(noContactDays),
        version: current.version,
      }),
    onMutate: () => {
      onNotice(null);
      onConflict(null);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(referralSettingsQueryKey, saved);
      // Deadlines and the 誰も担当していない相談 list depend on these numbers.
      void queryClient.invalidateQueries({ queryKey: ['referrals', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['unowned'] });
      onNotice(s.saved);
    },
    onError: async (error) => {
      // Someone saved first: the form reopens with what the server holds now, and says so.
      if (!isApiError(error, 'conflict')) return;
      onConflict(error);
      await queryClient.invalidateQueries({ queryKey: referralSettingsQueryKey });
    },
  });
  const fields = save.error instanceof ApiError ? save.error.fieldErrors() : {};

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
            <NumberInput
              label={s.alertWorkingDays}
              description={s.alertWorkingDaysHint}
              value={alertWorkingDays}
              onChange={setAlertWorkingDays}
              error={fields.alertWorkingDays}
              min={1}
              max={60}
              allowDecimal={false}
              allowNegative={false}
              required
              w={320}
            />
            <NumberInput
              label={s.noContactDays}
              description={s.noContactDaysHint}
              value={noContactDays}
              onChange={setNoContactDays}
              error={fields.noContactDays}
              min={1}
              max={365}
              allowDecimal={false}
              allowNegative={false}
              required
              w={320}
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
