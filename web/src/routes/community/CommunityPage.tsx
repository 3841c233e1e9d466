import { Button, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { RequireRole } from '../../components/RequireRole';
import { Section } from '../../components/Section';
import { ja } from '../../i18n/ja';
import { useFormatDate } from '../../lib/dates';
import { hasAnyRole, useMe } from '../../lib/me';
import { AnchorLink } from '../consultation/AnchorLink';
import { type Area, areasQueryOptions, COMMUNITY_KEEPERS, COMMUNITY_ROLES, type PlaceSummary, placesQueryOptions } from './api';
import { KpiPanel } from './KpiPanel';
import { LogSection } from './LogSection';
import { PlaceFormModal } from './PlaceFormModal';

const t = ja.community;

/** 年度 of a day in Japan (April–March). */
function fiscalYearOf(date: Date): number {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit' }).format(date).split('-').map(Number);
  return (m ?? 1) >= 4 ? (y ?? 0) : (y ?? 0) - 1;
}

/** 地域づくり: 指標 of the 年度, the 拠点 by 圏域, and the coordinators' 活動記録. */
export function CommunityPage() {
  return (
    <RequireRole roles={COMMUNITY_ROLES}>
      <CommunityScreen />
    </RequireRole>
  );
}

function CommunityScreen() {
  const me = useMe();
  const navigate = useNavigate();
  const current = fiscalYearOf(new Date());
  const [fiscalYear, setFiscalYear] = useState(current);
  const [areaId, setAreaId] = useState('');
  const [adding, setAdding] = useState(false);
  const areas = useQuery(areasQueryOptions);
  const places = useQuery(placesQueryOptions);
  const canKeep = hasAnyRole(me, COMMUNITY_KEEPERS);
  const shownAreas = (areas.data ?? []).filter((a) => !areaId || a.id === areaId);
  return (
    <Stack>
      <PageHeader title={t.heading} description={t.intro} />
      <Group align="flex-end">
        <NativeSelect
          label={t.fiscalYear}
          value={String(fiscalYear)}
          onChange={(e) => setFiscalYear(Number(e.currentTarget.value))}
          data={[0, 1, 2, 3].map((n) => ({ value: String(current - n), label: t.fiscalYearOption(current - n) }))}
        />
        <NativeSelect label={t.areaFilter} value={areaId} onChange={(e) => setAreaId(e.currentTarget.value)} data={[{ value: '', label: t.allAreas }, ...(areas.data ?? []).map((a) => ({ value: a.id, label: a.name }))]} />
      </Group>
      <Section title={t.kpiHeading}>
        <KpiPanel fiscalYear={fiscalYear} areaId={areaId || null} />
      </Section>
      <Section title={t.placesHeading}>
        {canKeep && (
          <Group>
            <Button onClick={() => setAdding(true)}>{t.addPlace}</Button>
          </Group>
        )}
        <ErrorAlert error={places.error ?? areas.error} />
        {(places.isPending || areas.isPending) && <Loading />}
        {places.data && areas.data && (
          <Stack gap="md">
            {shownAreas.map((area) => (
              <PlacesTable key={area.id} title={t.placesTable(area.name)} places={places.data.filter((p) => p.areaId === area.id)} />
            ))}
            {!areaId && places.data.some((p) => p.areaId === null) && <PlacesTable title={t.placesTable(t.noArea)} places={places.data.filter((p) => p.areaId === null)} />}
          </Stack>
        )}
      </Section>
      <LogSection areaId={areaId || null} areas={areas.data ?? ([] as Area[])} places={places.data ?? []} canKeep={canKeep} />
      {adding && (
        <PlaceFormModal
          place={null}
          defaultAreaId={areaId || null}
          onClose={() => setAdding(false)}
          onDone={(saved) => {
            setAdding(false);
            void navigate({ to: '/community/places/$id', params: { id: saved.id } });
          }}
        />
      )}
    </Stack>
  );
}

function PlacesTable({ title, places }: { title: string; places: PlaceSummary[] }) {
  const fmt = useFormatDate();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table aria-label={title} striped highlightOnHover verticalSpacing={4} captionSide="top">
        <Table.Caption ta="left" fw={600}>
          {title}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t.colName}</Table.Th>
            <Table.Th scope="col">{t.colKind}</Table.Th>
            <Table.Th scope="col">{t.colStatus}</Table.Th>
            <Table.Th scope="col">{t.colOperator}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t.colActivities}
            </Table.Th>
            <Table.Th scope="col">{t.colLastHeld}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {places.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={6}>
                <Text c="dimmed" size="sm">
                  {t.noPlaces}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {places.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <AnchorLink to="/community/places/$id" params={{ id: p.id }}>
                  {p.name}
                </AnchorLink>
              </Table.Td>
              <Table.Td>{t.placeKinds[p.kind] ?? p.kind}</Table.Td>
              <Table.Td>{t.placeStatuses[p.status] ?? p.status}</Table.Td>
              <Table.Td>{p.operatorPartnerName ?? p.operatorName ?? ja.app.none}</Table.Td>
              <Table.Td ta="right">{p.activityCount}</Table.Td>
              <Table.Td>{p.lastHeldOn ? fmt.date(p.lastHeldOn) : ja.app.none}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
