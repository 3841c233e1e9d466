import { Button, Group, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { RequireRole } from '../../components/RequireRole';
import { ja } from '../../i18n/ja';
import { AUDIT_ROLES } from '../../lib/me';
import { type AuditFilter, emptyFilter, fetchAuditEvents } from './api';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { VerifyPanel } from './VerifyPanel';

const t = ja.audit;

export function AuditPage() {
  return (
    <RequireRole roles={AUDIT_ROLES}>
      <AuditScreen />
    </RequireRole>
  );
}

function AuditScreen() {
  const [filter, setFilter] = useState<AuditFilter>(emptyFilter);
  // Cursors of the pages visited so far; the last one is the current page (null = first page).
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  // Bumped on every 検索 so pressing it again re-reads even when the conditions are unchanged.
  const [searchCount, setSearchCount] = useState(0);
  const cursor = cursors[cursors.length - 1] ?? null;
  const events = useQuery({
    queryKey: ['audit', 'events', filter, cursor, searchCount],
    queryFn: ({ signal }) => fetchAuditEvents(filter, cursor, signal),
    placeholderData: keepPreviousData,
  });

  function search(next: AuditFilter) {
    setFilter(next);
    setCursors([null]);
    setSearchCount((n) => n + 1);
  }

  const nextCursor = events.data?.nextCursor ?? null;

  return (
    <Stack>
      <PageHeader title={t.heading} />
      <VerifyPanel />
      <AuditFilters initial={filter} onSearch={search} />
      <ErrorAlert error={events.error} />
      {events.isPending && <Loading />}
      {events.data && <AuditTable items={events.data.items} />}
      <Group justify="space-between">
        <Text size="sm" c="dimmed" aria-live="polite">
          {t.pageInfo(cursors.length)}
        </Text>
        <Group gap="xs">
          <Button
            variant="default"
            disabled={cursors.length <= 1 || events.isFetching}
            onClick={() => setCursors((c) => c.slice(0, -1))}
          >
            {t.previous}
          </Button>
          <Button
            variant="default"
            disabled={!nextCursor || events.isFetching}
            onClick={() => nextCursor && setCursors((c) => [...c, nextCursor])}
          >
            {t.next}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
