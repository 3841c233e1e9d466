import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Notice } from '../../../components/Notice';
import { PageHeader } from '../../../components/PageHeader';
import { RequireRole } from '../../../components/RequireRole';
import { ja } from '../../../i18n/ja';
import { agenciesQueryOptions } from '../../../lib/agencies';
import { useFormatDate } from '../../../lib/dates';
import { ADMIN_ROLES } from '../../../lib/me';
import { type AdminUser, usersQueryOptions } from './api';
import { PasswordResetModal } from './PasswordResetModal';
import { UserCreateModal } from './UserCreateModal';
import { UserEditModal } from './UserEditModal';

const u = ja.users;

type Dialog = { kind: 'create' } | { kind: 'edit'; user: AdminUser } | { kind: 'reset'; user: AdminUser } | null;

export function UsersPage() {
  return (
    <RequireRole roles={ADMIN_ROLES}>
      <UsersScreen />
    </RequireRole>
  );
}

function UsersScreen() {
  const users = useQuery(usersQueryOptions);
  const agencies = useQuery(agenciesQueryOptions);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const agencyName = (id: string) => agencies.data?.find((a) => a.id === id)?.name ?? id;
  const finish = (message: string) => {
    setDialog(null);
    setNotice(message);
  };
  const open = (next: Dialog) => {
    setNotice(null);
    setDialog(next);
  };

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <PageHeader title={u.heading} />
        <Button onClick={() => open({ kind: 'create' })}>{u.add}</Button>
      </Group>
      <Notice>{notice}</Notice>
      <ErrorAlert error={users.error ?? agencies.error} />
      {users.isPending && <Loading />}
      {users.data && (
        <Table.ScrollContainer minWidth={960}>
          <Table aria-label={u.table} striped highlightOnHover verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{u.colLoginName}</Table.Th>
                <Table.Th scope="col">{u.colDisplayName}</Table.Th>
                <Table.Th scope="col">{u.colRoles}</Table.Th>
                <Table.Th scope="col">{u.colAgencies}</Table.Th>
                <Table.Th scope="col">{u.colStatus}</Table.Th>
                <Table.Th scope="col">{u.colTotp}</Table.Th>
                <Table.Th scope="col">{u.colActions}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={7}>
                    <Text c="dimmed">{u.empty}</Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {users.data.map((user) => (
                <Table.Tr key={user.id}>
                  <Table.Td>{user.loginName}</Table.Td>
                  <Table.Td>{user.displayName}</Table.Td>
                  <Table.Td>{user.roles.map((r) => ja.roles[r] ?? r).join(ja.text.listSeparator)}</Table.Td>
                  <Table.Td>{user.agencyIds.map(agencyName).join(ja.text.listSeparator)}</Table.Td>
                  <Table.Td>
                    <StatusCell user={user} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{user.totpEnabled ? ja.status.totpOn : ja.status.totpOff}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button size="xs" variant="light" onClick={() => open({ kind: 'edit', user })}>
                        {u.edit}
                      </Button>
                      <Button size="xs" variant="default" onClick={() => open({ kind: 'reset', user })}>
                        {u.resetPassword}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {dialog?.kind === 'create' && (
        <UserCreateModal
          agencies={agencies.data ?? []}
          onClose={() => setDialog(null)}
          onDone={() => finish(u.created)}
        />
      )}
      {dialog?.kind === 'edit' && (
        <UserEditModal
          key={dialog.user.id}
          user={dialog.user}
          agencies={agencies.data ?? []}
          onClose={() => setDialog(null)}
          onDone={() => finish(u.updated)}
        />
      )}
      {dialog?.kind === 'reset' && (
        <PasswordResetModal
          key={dialog.user.id}
          user={dialog.user}
          onClose={() => setDialog(null)}
          onDone={() => finish(u.resetDone)}
        />
      )}
    </Stack>
  );
}

function StatusCell({ user }: { user: AdminUser }) {
  const fmt = useFormatDate();
  const locked = user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > Date.now();
  return (
    <Group gap={4} wrap="nowrap">
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {user.status === 'active' ? ja.status.active : ja.status.disabled}
      </Text>
      {locked && (
        <Badge
          color="orange"
          variant="light"
          radius="sm"
          tt="none"
          title={ja.text.labelValue(u.lockedUntil, fmt.dateTime(user.lockedUntil ?? ''))}
        >
          {ja.status.locked}
        </Badge>
      )}
    </Group>
  );
}
