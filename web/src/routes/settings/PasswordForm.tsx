import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Section';
import { ja } from '../../i18n/ja';
import { ApiError, api } from '../../lib/api';

const s = ja.settings;

/** Change own password. The server signs out every other session and renews this one's CSRF token. */
export function PasswordForm() {
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation({
    mutationFn: () => api.post<{ csrfToken: string }>('/me/password', { currentPassword, newPassword }),
    onSuccess: () => {
      setCurrentPassword('');
      setNewPassword('');
      setConfirm('');
    },
  });
  const fields = change.error instanceof ApiError ? change.error.fieldErrors() : {};

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    change.reset();
    if (newPassword !== confirm) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    change.mutate();
  }

  return (
    <Section title={s.passwordSection}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <PasswordInput
            label={s.currentPassword}
            value={currentPassword}
            onChange={(e) => setCurrentPassword(e.currentTarget.value)}
            autoComplete="current-password"
            error={fields.currentPassword}
            required
          />
          <PasswordInput
            label={s.newPassword}
            value={newPassword}
            onChange={(e) => setNewPassword(e.currentTarget.value)}
            autoComplete="new-password"
            error={fields.newPassword}
            required
          />
          <PasswordInput
            label={s.newPasswordConfirm}
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            autoComplete="new-password"
            error={mismatch ? s.passwordMismatch : undefined}
            required
          />
          <ErrorAlert error={change.error} />
          {change.isSuccess && <Notice>{s.passwordChanged}</Notice>}
          <Group>
            <Button type="submit" loading={change.isPending}>
              {s.changePassword}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}
