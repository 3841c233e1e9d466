import { Button, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { CodeInput, normaliseCode } from '../../components/CodeInput';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { type TotpSetup, TotpSetupDetails } from '../../components/TotpSetupDetails';
import { ja } from '../../i18n/ja';
import { api } from '../../lib/api';

/** First-time TOTP enrolment during sign-in, when the user's role requires it. */
export function EnrollStep({ onEnrolled, onRestart }: { onEnrolled: () => void; onRestart: () => void }) {
  const [code, setCode] = useState('');
  // A query (not an effect) so React StrictMode's double mount does not start enrolment twice.
  const setup = useQuery({
    queryKey: ['login-totp-enroll-start'],
    queryFn: () => api.post<TotpSetup>('/auth/totp/enroll/start'),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
  });
  const confirm = useMutation({
    mutationFn: () => api.post<{ status: 'ok'; csrfToken: string }>('/auth/totp/enroll/confirm', { code: normaliseCode(code) }),
    onSuccess: () => onEnrolled(),
    onError: () => setCode(''),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    confirm.mutate();
  }

  return (
    <Stack>
      <Text size="sm">{ja.login.enrollIntro}</Text>
      <ErrorAlert error={setup.error} />
      {setup.isPending && <Loading />}
      {setup.data && (
        <form onSubmit={submit} noValidate>
          <Stack>
            <TotpSetupDetails setup={setup.data} />
            <ErrorAlert error={confirm.error} />
            <CodeInput value={code} onChange={setCode} />
            <Button type="submit" loading={confirm.isPending} fullWidth>
              {ja.login.enrollSubmit}
            </Button>
          </Stack>
        </form>
      )}
      <Button variant="subtle" size="xs" onClick={onRestart}>
        {ja.login.backToStart}
      </Button>
    </Stack>
  );
}
