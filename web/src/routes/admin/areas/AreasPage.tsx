import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Notice } from '../../../components/Notice';
import { PageHeader } from '../../../components/PageHeader';
import { RequireRole } from '../../../components/RequireRole';
import { ja } from '../../../i18n/ja';
import { ADMIN_ROLES } from '../../../lib/me';
import { type Area, areasQueryOptions } from '../../community/api';
import { AreaFormModal } from './AreaFormModal';

const t = ja.community.areas;
type Dialog = { kind: 'create' } | { kind: 'edit'; area: Area } | null;

/** 圏域 (管理): 日常生活圏域・地区, their parent and the agency that receives their 気づきの連絡. */
export function AreasPage() {
  return (
    <RequireRole roles={ADMIN_ROLES}>
      <AreasScreen />
    </RequireRole>
  );
}

function AreasScreen() {
  const areas = useQuery(areasQueryOptions);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const open = (next: Dialog) => {
    setNotice(null);
    setDialog(next);
  };
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <PageHeader title={t.heading} description={t.intro} />
        <Button onClick={() => open({ kind: 'create' })}>{t.add}</Button>
      </Group>
      <Notice>{notice}</Notice>
      <ErrorAlert error={areas.error} />
      {areas.isPending && <Loading />}
      {areas.data && (
        <Table.ScrollContainer minWidth={760}>
          <Table aria-label={t.tableLabel} striped highlightOnHover verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t.colName}</Table.Th>
                <Table.Th scope="col">{t.colCode}</Table.Th>
                <Table.Th scope="col">{t.colKind}</Table.Th>
                <Table.Th scope="col">{t.colParent}</Table.Th>
                <Table.Th scope="col">{t.colAgency}</Table.Th>
                <Table.Th scope="col">{t.colOrder}</Table.Th>
                <Table.Th scope="col" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {areas.data.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={7}>
                    <Text c="dimmed">{t.empty}</Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {areas.data.map((area) => (
                <Table.Tr key={area.id}>
                  <Table.Td>{area.name}</Table.Td>
                  <Table.Td>{area.code}</Table.Td>
                  <Table.Td>{t.kinds[area.kind] ?? area.kind}</Table.Td>
                  <Table.Td>{area.parentName ?? ja.app.none}</Table.Td>
                  <Table.Td>{area.responsibleAgencyName ?? ja.app.none}</Table.Td>
                  <Table.Td>{area.sortOrder}</Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="light" onClick={() => open({ kind: 'edit', area })} aria-label={t.editLabel(area.name)}>
                      {t.edit}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {dialog && (
        <AreaFormModal
          key={dialog.kind === 'edit' ? dialog.area.id : 'new'}
          area={dialog.kind === 'edit' ? dialog.area : null}
          areas={areas.data ?? []}
          onClose={() => setDialog(null)}
          onDone={(saved) => {
            setDialog(null);
            setNotice(dialog.kind === 'edit' ? t.updated(saved.name) : t.created(saved.name));
          }}
        />
      )}
    </Stack>
  );
}
