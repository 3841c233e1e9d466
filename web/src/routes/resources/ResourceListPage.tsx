import { Badge, Button, Checkbox, Group, NativeSelect, Pagination, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { RequireRole } from '../../components/RequireRole';
import { ja } from '../../i18n/ja';
import { useFormatDate } from '../../lib/dates';
import { preventEnterWhileComposing } from '../../lib/ime';
import { AnchorLink } from '../consultation/AnchorLink';
import { ButtonLink } from '../consultation/intake/ButtonLink';
import { type ListFilter, optionsQueryOptions, PER_PAGE, RESOURCE_ROLES, STATUSES, type ServiceStatus, serviceListQueryOptions } from './api';
import { ImportExportPanel } from './ImportExportPanel';
import { StaleBadge, StatusBadge } from './ServiceDetails';

const r = ja.resources;
const route = getRouteApi('/app/resources');

/** 地域資源の一覧: search, 分類, 圏域, 状態 and 要再確認 filters (kept in the URL); import and export for those who keep it. */
export function ResourceListPage() {
  return (
    <RequireRole roles={RESOURCE_ROLES}>
      <ResourceListScreen />
    </RequireRole>
  );
}

function ResourceListScreen() {
  const filter = route.useSearch();
  const navigate = useNavigate();
  const options = useQuery(optionsQueryOptions());
  const list = useQuery(serviceListQueryOptions(filter));
  const fmt = useFormatDate();
  const [q, setQ] = useState(filter.q ?? '');
  const go = (next: ListFilter) => void navigate({ to: '/resources', search: next, replace: true });
  const change = (patch: ListFilter) => go({ ...filter, ...patch, page: undefined });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    change({ q: q.trim() || undefined });
  }
  const canEdit = list.data?.canEdit ?? options.data?.canEdit ?? false;
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PER_PAGE)) : 1;

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <PageHeader title={r.heading} description={r.intro} />
        {canEdit && <ButtonLink to="/resources/new">{r.newService}</ButtonLink>}
      </Group>
      <form onSubmit={submit} onKeyDown={preventEnterWhileComposing} aria-label={r.filtersLabel}>
        <Group align="flex-end" gap="sm">
          <TextInput label={r.search} description={r.searchHint} value={q} onChange={(e) => setQ(e.currentTarget.value)} w={300} type="search" />
          <Button type="submit">{r.searchButton}</Button>
          <NativeSelect
            label={r.term}
            value={filter.termId ?? ''}
            onChange={(e) => change({ termId: e.currentTarget.value || undefined })}
            data={[{ value: '', label: r.all }, ...(options.data?.terms ?? []).map((t) => ({ value: t.id, label: t.name }))]}
          />
          <NativeSelect
            label={r.area}
            value={filter.areaId ?? ''}
            onChange={(e) => change({ areaId: e.currentTarget.value || undefined })}
            data={[{ value: '', label: r.all }, ...(options.data?.areas ?? []).map((a) => ({ value: a.id, label: a.name }))]}
          />
          <NativeSelect
            label={r.status}
            value={filter.status ?? ''}
            onChange={(e) => change({ status: (STATUSES.find((s) => s === e.currentTarget.value) as ServiceStatus | undefined) ?? undefined })}
            data={[{ value: '', label: r.all }, ...STATUSES.map((s) => ({ value: s, label: r.statuses[s] ?? s }))]}
          />
          <Checkbox label={r.staleOnly} checked={filter.stale ?? false} onChange={(e) => change({ stale: e.currentTarget.checked || undefined })} mb={8} />
        </Group>
      </form>
      <ErrorAlert error={list.error ?? options.error} />
      {list.isPending && <Loading />}
      {list.data && (
        <>
          <Group gap="sm">
            <Text size="sm">{r.resultCount(list.data.total)}</Text>
            {list.data.staleTotal > 0 && (
              <Badge color="orange" variant="light">
                {r.staleCount(list.data.staleTotal)}
              </Badge>
            )}
          </Group>
          <Table.ScrollContainer minWidth={900}>
            <Table aria-label={r.tableLabel} striped verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{r.colName}</Table.Th>
                  <Table.Th scope="col">{r.colOrganization}</Table.Th>
                  <Table.Th scope="col">{r.colTerms}</Table.Th>
                  <Table.Th scope="col">{r.colAreas}</Table.Th>
                  <Table.Th scope="col">{r.colCapacity}</Table.Th>
                  <Table.Th scope="col" style={{ whiteSpace: 'nowrap' }}>
                    {r.colStatus}
                  </Table.Th>
                  <Table.Th scope="col">{r.colAssured}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={7}>
                      <Text c="dimmed">{r.empty}</Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {list.data.items.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td>
                      <AnchorLink to="/resources/$id" params={{ id: item.id }}>
                        {item.name}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>{item.organizationName}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {item.terms.map((t) => (
                          <Badge key={t.id} variant="outline" size="sm">
                            {t.name}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>{item.areaNames.join('、')}</Table.Td>
                    <Table.Td>{r.capacityCell(item.capacity, item.waitlistCount)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <StatusBadge status={item.status} />
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Group gap={6}>
                        <Text size="sm">{item.assuredDate ? fmt.date(item.assuredDate) : r.neverAssured}</Text>
                        {item.stale && <StaleBadge />}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {pages > 1 && <Pagination total={pages} value={filter.page ?? 1} onChange={(page) => go({ ...filter, page: page > 1 ? page : undefined })} aria-label={r.pagination} />}
        </>
      )}
      {canEdit && <ImportExportPanel />}
    </Stack>
  );
}
