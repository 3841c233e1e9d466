import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { RequireRole } from '../../components/RequireRole';
import { ja } from '../../i18n/ja';
import { useFormatDate } from '../../lib/dates';
import { AnchorLink } from '../consultation/AnchorLink';
import { assureService, optionsQueryOptions, RESOURCE_ROLES, resourcesChanged, type Service, serviceQueryOptions } from './api';
import { ServiceDetails, StaleBadge, StatusBadge } from './ServiceDetails';
import { ServiceForm } from './ServiceForm';

const r = ja.resources;
const route = getRouteApi('/app/resources/$id');

/** 地域資源の詳細: the entry, 確認済みにする, and (for those who keep the directory) 編集. */
export function ResourceDetailPage() {
  const { id } = route.useParams();
  return (
    <RequireRole roles={RESOURCE_ROLES}>
      <Stack maw={960}>
        <AnchorLink to="/resources" size="sm">
          {r.back}
        </AnchorLink>
        <Detail id={id} />
      </Stack>
    </RequireRole>
  );
}

function Detail({ id }: { id: string }) {
  const service = useQuery(serviceQueryOptions(id));
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  if (service.error) return <ErrorAlert error={service.error} />;
  if (!service.data) return <Loading />;
  const s = service.data;
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <PageHeader title={s.name} />
        <Group gap="xs">
          <StatusBadge status={s.status} />
          {s.stale && <StaleBadge />}
        </Group>
      </Group>
      <Notice>{notice}</Notice>
      <Assurance service={s} onDone={() => setNotice(r.assured)} />
      {s.canEdit && (
        <Group>
          <Button variant={editing ? 'default' : 'light'} onClick={() => setEditing((e) => !e)}>
            {editing ? r.cancelEdit : r.edit}
          </Button>
        </Group>
      )}
      {!s.canEdit && (
        <Text size="sm" c="dimmed">
          {r.readOnly}
        </Text>
      )}
      {editing ? (
        <Editor
          service={s}
          onSaved={() => {
            setEditing(false);
            setNotice(r.saved);
          }}
        />
      ) : (
        <ServiceDetails service={s} />
      )}
    </Stack>
  );
}

function Editor({ service, onSaved }: { service: Service; onSaved: () => void }) {
  const options = useQuery(optionsQueryOptions());
  if (options.error) return <ErrorAlert error={options.error} />;
  if (!options.data) return <Loading />;
  return <ServiceForm key={service.version} options={options.data} service={service} onSaved={onSaved} />;
}

function Assurance({ service: s, onDone }: { service: Service; onDone: () => void }) {
  const queryClient = useQueryClient();
  const fmt = useFormatDate();
  const assure = useMutation({
    mutationFn: () => assureService(s.id, s.version),
    onSuccess: (saved) => {
      resourcesChanged(queryClient, saved);
      onDone();
    },
  });
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={r.sectionAssurance}>
      <Stack gap="xs">
        <Group gap="lg">
          <Text size="sm">
            {r.assuredDate}: {s.assuredDate ? r.assuredLine(fmt.date(s.assuredDate), s.assuredBy) : r.neverAssured}
          </Text>
          <Text size="sm" c="dimmed">
            {r.lastModified}: {fmt.dateTime(s.lastModified)}
          </Text>
        </Group>
        {s.canEdit && (
          <>
            <Text size="xs" c="dimmed">
              {r.assureHint}
            </Text>
            <Group>
              <Button onClick={() => assure.mutate()} loading={assure.isPending}>
                {r.assure}
              </Button>
            </Group>
          </>
        )}
        <ErrorAlert error={assure.error} />
      </Stack>
    </Paper>
  );
}
