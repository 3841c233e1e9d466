import { Button, Group, Modal, MultiSelect, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ja } from '../../../i18n/ja';
import type { Agency } from '../../../lib/agencies';
import { ApiError, isApiError } from '../../../lib/api';
import { agencyOptions } from './agencyOptions';
import { type AdminUser, roleOptions, toRoles, updateUser, usersQueryKey } from './api';

const u = ja.users;
const statusOptions = [
  { value: 'active', label: ja.status.active },
  { value: 'disabled', label: ja.status.disabled },
];

/**
 * Edit a user. The version read when the dialog opened is sent back; if someone else saved in
 * between, the server answers 409 and we show its message (the list is reloaded for the next try).
 */
export function UserEditModal({
  user,
  agencies,
  onClose,
  onDone,
}: {
  user: AdminUser;
  agencies: Agency[];
  onClose: () => void;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const [version] = useState(user.version);
  const [displayName, setDisplayName] = useState(user.displayName);
  const [roles, setRoles] = useState<string[]>(user.roles);
  const [agencyIds, setAgencyIds] = useState<string[]>(user.agencyIds);
  const [status, setStatus] = useState<AdminUser['status']>(user.status);
  const update = useMutation({
    mutationFn: () =>
      updateUser(user.id, { version, displayName: displayName.trim(), roles: toRoles(roles), agencyIds, status }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: usersQueryKey });
      onDone();
    },
    onError: (error) => {
      if (isApiError(error, 'conflict')) void queryClient.invalidateQueries({ queryKey: usersQueryKey });
    },
  });
  const fields = update.error instanceof ApiError ? update.error.fieldErrors() : {};

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update.mutate();
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={ja.text.labelValue(u.editTitle, user.loginName)}
      size="lg"
      closeButtonProps={{ 'aria-label': ja.app.close }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={u.displayName}
            value={displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            autoComplete="off"
            error={fields.displayName}
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
            data={agencyOptions(agencies, user.agencyIds)}
            value={agencyIds}
            onChange={setAgencyIds}
            error={fields.agencyIds}
            searchable
            comboboxProps={{ withinPortal: false }}
          />
          <Select
            label={u.status}
            data={statusOptions}
            value={status}
            onChange={(v) => setStatus(v === 'disabled' ? 'disabled' : 'active')}
            allowDeselect={false}
            error={fields.status}
            comboboxProps={{ withinPortal: false }}
          />
          <ErrorAlert error={update.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {ja.app.cancel}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {u.update}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
