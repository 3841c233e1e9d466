import { Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ja } from '../../../i18n/ja';
import { ApiError } from '../../../lib/api';
import { type AdminUser, resetUserPassword } from './api';

const u = ja.users;

/** Set a new initial password for a user (e.g. after a lock-out or a forgotten password). */
export function PasswordResetModal({
  user,
  onClose,
  onDone,
}: {
  user: AdminUser;
  onClose: () => void;
  onDone: () => void;
}) {
  const [newPassword, setNewPassword] = useState('');
  const reset = useMutation({
    mutationFn: () => resetUserPassword(user.id, newPassword),
    onSuccess: onDone,
  });
  const fields = reset.error instanceof ApiError ? reset.error.fieldErrors() : {};

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset.mutate();
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={ja.text.labelValue(u.resetTitle, user.loginName)}
      closeButtonProps={{ 'aria-label': ja.app.close }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <PasswordInput
            label={u.newPassword}
            value={newPassword}
            onChange={(e) => setNewPassword(e.currentTarget.value)}
            autoComplete="new-password"
            error={fields.newPassword}
            required
          />
          <ErrorAlert error={reset.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {ja.app.cancel}
            </Button>
            <Button type="submit" loading={reset.isPending}>
              {u.reset}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
