import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Notice } from '../../../components/Notice';
import { PageHeader } from '../../../components/PageHeader';
import { RequireRole } from '../../../components/RequireRole';
import { ja } from '../../../i18n/ja';
import { type Agency, agenciesQueryOptions, agencyKindsQueryOptions } from '../../../lib/agencies';
import { ADMIN_ROLES } from '../../../lib/me';
import { AgencyFormModal } from './AgencyFormModal';

const a = ja.agencies;

type Dialog = { kind: 'create' } | { kind: 'edit'; agency: Agency } | null;

export function AgenciesPage() {
  return (
    <RequireRole roles={ADMIN_ROLES}>
      <AgenciesScreen />
    </RequireRole>
  );
}

function AgenciesScreen() {
  const agencies = useQuery(agenciesQueryOptions);
  const kinds = useQuery(agencyKindsQueryOptions);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const open = (next: Dialog) => {
    setNotice(null);
    setDialog(next);
  };
  const finish = (message: string) => {
    setDialog(null);
    setNotice(message);
  };

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <PageHeader title={a.heading} />
        <Button onClick={() => open({ kind: 'create' })}>{a.add}</Button>
      </Group>
      <Notice>{notice}</Notice>
      <ErrorAlert error={agencies.error ?? kinds.error} />
      {agencies.isPending && <Loading />}
      {agencies.data && (
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label={a.table} striped highlightOnHover verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{a.colName}</Table.Th>
                <Table.Th scope="col">{a.colKind}</Table.Th>
                <Table.Th scope="col">{a.colArea}</Table.Th>
                <Table.Th scope="col">{a.colStatus}</Table.Th>
                <Table.Th scope="col">{a.colActions}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {agencies.data.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Text c="dimmed">{a.empty}</Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {agencies.data.map((agency) => (
                <Table.Tr key={agency.id}>
                  <Table.Td>{agency.name}</Table.Td>
                  <Table.Td>{agency.kindLabel}</Table.Td>
                  <Table.Td>{agency.area ?? ja.app.none}</Table.Td>
                  <Table.Td>{agency.status === 'active' ? ja.status.agencyActive : ja.status.agencyClosed}</Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="light" onClick={() => open({ kind: 'edit', agency })}>
                      {a.edit}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {dialog && (
        <AgencyFormModal
          key={dialog.kind === 'edit' ? dialog.agency.id : 'new'}
          agency={dialog.kind === 'edit' ? dialog.agency : null}
          kinds={kinds.data ?? []}
          onClose={() => setDialog(null)}
          onDone={() => finish(dialog.kind === 'edit' ? a.updated : a.created)}
        />
      )}
    </Stack>
  );
}
