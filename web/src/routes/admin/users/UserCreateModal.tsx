import { Button, Group, Modal, MultiSelect, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ja } from '../../../i18n/ja';
import type { Agency } from '../../../lib/agencies';
import { ApiError } from '../../../lib/api';
import { agencyOptions } from './agencyOptions';
import { createUser, roleOptions, toRoles, usersQueryKey } from './api';

const u = ja.users;

export function UserCreateModal({
  agencies,
  onClose,
  onDone,
}: {
  agencies: Agency[];
  onClose: () => void;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const [loginName, setLoginName] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [agencyIds, setAgencyIds] = useState<string[]>([]);
  const create = useMutation({
    mutationFn: () =>
      createUser({ loginName: loginName.trim(), displayName: displayName.trim(), password, roles: toRoles(roles), agencyIds }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: usersQueryKey });
      onDone();
    },
  });
  const fields = create.error instanceof ApiError ? create.error.fieldErrors() : {};

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate();
  }

  return (
    <Modal opened onClose={onClose} title={u.addTitle} size="lg" closeButtonProps={{ 'aria-label': ja.app.close }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={u.loginName}
            value={loginName}
            onChange={(e) => setLoginName(e.currentTarget.value)}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            error={fields.loginName}
            required
          />
          <TextInput
            label={u.displayName}
            value={displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            autoComplete="off"
            error={fields.displayName}
            required
          />
          <PasswordInput
            label={u.initialPassword}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            autoComplete="new-password"
            error={fields.password}
            required
          />
          <MultiSelect
            label={u.roles}
            data={roleOptions}
            value={roles}
            onChange={setRoles}
            error={fields.roles}
            searchable
            comboboxProps={{ withinPortal: false }}
            required
          />
          <MultiSelect
            label={u.agencies}
            data={agencyOptions(agencies, [])}
            value={agencyIds}
            onChange={setAgencyIds}
            error={fields.agencyIds}
            searchable
            comboboxProps={{ withinPortal: false }}
          />
          <ErrorAlert error={create.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {ja.app.cancel}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {u.register}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
