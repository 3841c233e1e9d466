import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ja } from '../../i18n/ja';
import { api } from '../../lib/api';
import type { LoginResponse, LoginStatus } from './LoginPage';

export function PasswordStep({ onAccepted }: { onAccepted: (status: LoginStatus) => void }) {
  const [loginName, setLoginName] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation({
    mutationFn: () => api.post<LoginResponse>('/auth/login', { loginName: loginName.trim(), password }),
    onSuccess: (res) => onAccepted(res.status),
    onError: () => setPassword(''),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    login.mutate();
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={login.error} />
        <TextInput
          label={ja.login.loginName}
          value={loginName}
          onChange={(e) => setLoginName(e.currentTarget.value)}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
        />
        <PasswordInput
          label={ja.login.password}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          autoComplete="current-password"
          required
        />
        <Button type="submit" loading={login.isPending} fullWidth>
          {ja.login.submit}
        </Button>
      </Stack>
    </form>
  );
}
