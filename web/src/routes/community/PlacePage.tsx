import { Badge, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { RequireRole } from '../../components/RequireRole';
import { Section } from '../../components/Section';
import { ja } from '../../i18n/ja';
import { useFormatDate } from '../../lib/dates';
import { AnchorLink } from '../consultation/AnchorLink';
import { ActivityFormModal } from './ActivityFormModal';
import { type Activity, COMMUNITY_ROLES, type PlaceView, placeQueryOptions } from './api';
import { AttendanceTable } from './AttendanceTable';
import { PlaceFormModal } from './PlaceFormModal';

const t = ja.community;
const route = getRouteApi('/app/community/places/$id');
type Dialog = { kind: 'place' } | { kind: 'activity'; activity: Activity | null } | null;

/** 拠点: its facts, 活動 with their schedules and next dates, and attendance entry per session. */
export function PlacePage() {
  const { id } = route.useParams();
  return (
    <RequireRole roles={COMMUNITY_ROLES}>
      <Stack>
        <AnchorLink to="/community" size="sm">
          {t.back}
        </AnchorLink>
        <PlaceScreen id={id} />
      </Stack>
    </RequireRole>
  );
}

function PlaceScreen({ id }: { id: string }) {
  const place = useQuery(placeQueryOptions(id));
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  if (place.error) return <ErrorAlert error={place.error} />;
  if (!place.data) return <Loading />;
  const p = place.data;
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <PageHeader title={p.name} />
        {p.canEdit && (
          <Group>
            <Button variant="default" onClick={() => setDialog({ kind: 'place' })}>
              {t.editPlace}
            </Button>
            <Button onClick={() => setDialog({ kind: 'activity', activity: null })}>{t.addActivity}</Button>
          </Group>
        )}
      </Group>
      <Notice>{notice}</Notice>
      <PlaceFacts place={p} />
      {p.activities.length === 0 && <Text c="dimmed">{t.noActivities}</Text>}
      {p.activities.map((a) => (
        <ActivitySection key={a.id} activity={a} canEdit={p.canEdit} onEdit={() => setDialog({ kind: 'activity', activity: a })} />
      ))}
      {dialog?.kind === 'place' && (
        <PlaceFormModal
          place={p}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            setNotice(t.placeUpdated);
          }}
        />
      )}
      {dialog?.kind === 'activity' && (
        <ActivityFormModal
          placeId={p.id}
          activity={dialog.activity}
          today={p.today}
          onClose={() => setDialog(null)}
          onDone={() => {
            setNotice(dialog.activity ? t.activityUpdated : t.activityCreated);
            setDialog(null);
          }}
        />
      )}
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

function PlaceFacts({ place: p }: { place: PlaceView }) {
  const fmt = useFormatDate();
  const none = ja.app.none;
  return (
    <Section title={t.placeFacts}>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Fact label={t.kind}>{t.placeKinds[p.kind] ?? p.kind}</Fact>
        <Fact label={t.status}>{t.placeStatuses[p.status] ?? p.status}</Fact>
        <Fact label={t.area}>{p.areaName ?? none}</Fact>
        <Fact label={t.address}>{p.address ?? none}</Fact>
        <Fact label={t.colOperator}>{p.operatorPartnerName ?? p.operatorName ?? none}</Fact>
        <Fact label={t.openedOn}>{p.openedOn ? fmt.date(p.openedOn) : none}</Fact>
        <Fact label={t.closedOn}>{p.closedOn ? fmt.date(p.closedOn) : none}</Fact>
        <Fact label={t.location}>{[p.location?.name, p.service?.name].filter(Boolean).join(ja.text.listSeparator) || none}</Fact>
      </SimpleGrid>
      {p.note && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {p.note}
        </Text>
      )}
    </Section>
  );
}

function ActivitySection({ activity: a, canEdit, onEdit }: { activity: Activity; canEdit: boolean; onEdit: () => void }) {
  const fmt = useFormatDate();
  return (
    <Section title={a.name}>
      <Group justify="space-between" align="flex-start">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} style={{ flex: 1 }}>
          <Fact label={t.schedule}>{t.ruleText(a.schedule, a.skipHolidays)}</Fact>
          <Fact label={t.time}>{t.timeRange(a.startsAt, a.endsAt)}</Fact>
          <Fact label={t.validity}>{t.validRange(fmt.date(a.validFrom), a.validTo ? fmt.date(a.validTo) : null)}</Fact>
          <Fact label={t.partners}>{a.partners.map((p) => p.name).join(ja.text.listSeparator) || ja.app.none}</Fact>
        </SimpleGrid>
        {canEdit && (
          <Button size="xs" variant="light" onClick={onEdit} aria-label={`${a.name} ${t.editActivity}`}>
            {t.editActivity}
          </Button>
        )}
      </Group>
      {a.description && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {a.description}
        </Text>
      )}
      <Group gap="xs" aria-label={t.upcoming} role="group">
        <Text size="sm" fw={600}>
          {t.nextSessions}
        </Text>
        {a.nextSessions.length === 0 && <Text size="sm">{t.noNextSessions}</Text>}
        {a.nextSessions.map((d) => (
          <Badge key={d} variant="light">
            {fmt.date(d)}
          </Badge>
        ))}
      </Group>
      <AttendanceTable activity={a} canEdit={canEdit} />
    </Section>
  );
}
