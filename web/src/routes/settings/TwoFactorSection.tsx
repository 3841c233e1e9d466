import { Badge, Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { CodeInput, normaliseCode } from '../../components/CodeInput';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Section';
import { type TotpSetup, TotpSetupDetails } from '../../components/TotpSetupDetails';
import { ja } from '../../i18n/ja';
import { api } from '../../lib/api';
import { meQueryKey, useMe } from '../../lib/me';

const s = ja.settings;

export function TwoFactorSection() {
  const me = useMe();
  const [notice, setNotice] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const done = (message: string) => {
    setNotice(message);
    void queryClient.invalidateQueries({ queryKey: meQueryKey });
  };

  return (
    <Section title={s.totpSection}>
      <Notice>{notice}</Notice>
      {me.user.totpEnabled ? (
        <Stack gap="sm">
          <Group>
            <Badge color="teal" variant="light" size="lg" radius="sm" tt="none">
              {s.totpEnabled}
            </Badge>
          </Group>
          {me.user.totpRequired ? (
            <Text size="sm" c="dimmed">
              {s.totpRequiredNote}
            </Text>
          ) : (
            <DisableForm onDisabled={() => done(s.totpDisabled)} />
          )}
        </Stack>
      ) : (
        <SetupFlow onEnrolled={() => done(s.totpEnrolled)} onStart={() => setNotice(null)} />
      )}
    </Section>
  );
}

function SetupFlow({ onEnrolled, onStart }: { onEnrolled: () => void; onStart: () => void }) {
  const [code, setCode] = useState('');
  const start = useMutation({
    mutationFn: () => api.post<TotpSetup>('/auth/totp/enroll/start'),
    onSuccess: onStart,
  });
  const confirm = useMutation({
    mutationFn: () => api.post<{ status: 'ok'; csrfToken: string }>('/auth/totp/enroll/confirm', { code: normaliseCode(code) }),
    onSuccess: onEnrolled,
    onError: () => setCode(''),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    confirm.mutate();
  }

  if (!start.data) {
    return (
      <Stack gap="sm">
        <Text size="sm">{s.totpNotEnabled}</Text>
        <ErrorAlert error={start.error} />
        <Group>
          <Button onClick={() => start.mutate()} loading={start.isPending}>
            {s.totpSetup}
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{s.totpSetupIntro}</Text>
        <TotpSetupDetails setup={start.data} />
        <CodeInput value={code} onChange={setCode} />
        <ErrorAlert error={confirm.error} />
        <Group>
          <Button type="submit" loading={confirm.isPending}>
            {s.totpEnroll}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DisableForm({ onDisabled }: { onDisabled: () => void }) {
  const [currentPassword, setCurrentPassword] = useState('');
  const disable = useMutation({
    mutationFn: () => api.post<void>('/me/totp/disable', { currentPassword }),
    onSuccess: onDisabled,
    onError: () => setCurrentPassword(''),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    disable.mutate();
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <PasswordInput
          label={s.currentPassword}
          value={currentPassword}
          onChange={(e) => setCurrentPassword(e.currentTarget.value)}
          autoComplete="current-password"
          required
          maw={320}
        />
        <ErrorAlert error={disable.error} />
        <Group>
          <Button type="submit" color="red" variant="light" loading={disable.isPending}>
            {s.totpDisable}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
