import { Button, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { CodeInput, normaliseCode } from '../../components/CodeInput';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ja } from '../../i18n/ja';
import { api } from '../../lib/api';

export function TotpStep({ onVerified, onRestart }: { onVerified: () => void; onRestart: () => void }) {
  const [code, setCode] = useState('');
  const verify = useMutation({
    mutationFn: () => api.post<{ status: 'ok'; csrfToken: string }>('/auth/totp', { code: normaliseCode(code) }),
    onSuccess: () => onVerified(),
    onError: () => setCode(''),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    verify.mutate();
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{ja.login.totpIntro}</Text>
        <ErrorAlert error={verify.error} />
        <CodeInput value={code} onChange={setCode} />
        <Button type="submit" loading={verify.isPending} fullWidth>
          {ja.login.verify}
        </Button>
        <Button variant="subtle" size="xs" onClick={onRestart}>
          {ja.login.backToStart}
        </Button>
      </Stack>
    </form>
  );
}
