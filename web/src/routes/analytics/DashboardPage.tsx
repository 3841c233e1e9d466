import { Alert, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ja } from '../../i18n/ja';
import { todayInJapan } from '../consultation/progress/ProgressNoteForm';
import { type Dashboard, type DashboardFilters, dashboardQueryOptions, fiscalMonths, fiscalYearOf, JIGYO_CODES, type JigyoCode } from './api';
import { CooccurrenceSection } from './CooccurrenceSection';
import { ReferralSection } from './ReferralSection';
import { StatutorySection } from './StatutorySection';
import { ActivitySection, CollaborationSection, NoContactSection, OutreachSection, TimingSection } from './WorkSections';

const t = ja.analytics;

/**
 * 見える化: the municipality's indicators for a 年度 or a month, by 圏域, agency and 事業. The server decides
 * who may see it (市町村管理者, 多機関協働事業者); anyone else gets its refusal.
 */
export function DashboardPage() {
  const current = fiscalYearOf(todayInJapan());
  const [filters, setFilters] = useState<DashboardFilters>({ fiscalYear: current, month: null, areaId: null, agencyId: null, jigyo: null, noContactDays: 30 });
  const view = useQuery(dashboardQueryOptions(filters));
  const d = view.data;
  const set = (patch: Partial<DashboardFilters>) => setFilters((f) => ({ ...f, ...patch }));
  return (
    <Stack>
      <PageHeader title={t.heading} description={t.description} />
      <Group align="flex-end" role="search" aria-label={t.filters}>
        <Select
          label={t.fiscalYear}
          value={String(filters.fiscalYear)}
          allowDeselect={false}
          onChange={(v) => v && set({ fiscalYear: Number(v), month: null })}
          data={[0, 1, 2, 3, 4].map((i) => ({ value: String(current - i), label: t.fiscalYearOption(current - i) }))}
          w={260}
        />
        <Select
          label={t.month}
          value={filters.month ?? ''}
          allowDeselect={false}
          onChange={(v) => set({ month: v || null })}
          data={[{ value: '', label: t.wholeYear }, ...fiscalMonths(filters.fiscalYear).map((m) => ({ value: m, label: t.monthOption(m) }))]}
          w={140}
        />
        <Select
          label={t.area}
          value={filters.areaId ?? ''}
          allowDeselect={false}
          onChange={(v) => set({ areaId: v || null })}
          data={[{ value: '', label: t.allAreas }, ...(d?.options.areas ?? []).map((a) => ({ value: a.id, label: a.name }))]}
          w={180}
        />
        <Select
          label={t.agency}
          value={filters.agencyId ?? ''}
          allowDeselect={false}
          searchable
          onChange={(v) => set({ agencyId: v || null })}
          data={[{ value: '', label: t.allAgencies }, ...(d?.options.agencies ?? []).map((a) => ({ value: a.id, label: a.name }))]}
          w={280}
        />
        <Select
          label={t.jigyo}
          value={filters.jigyo ?? ''}
          allowDeselect={false}
          onChange={(v) => set({ jigyo: (v || null) as JigyoCode | null })}
          data={[{ value: '', label: t.allJigyo }, ...JIGYO_CODES.map((c) => ({ value: c, label: t.jigyoLabel[c] ?? c }))]}
          w={280}
        />
        <NumberInput
          label={t.noContactDays}
          value={filters.noContactDays}
          min={1}
          max={3650}
          onChange={(v) => typeof v === 'number' && v >= 1 && set({ noContactDays: v })}
          w={140}
        />
      </Group>
      <ErrorAlert error={view.error} />
      {view.isPending && !view.error && <Loading />}
      {d && !view.error && <DashboardBody d={d} />}
    </Stack>
  );
}

function DashboardBody({ d }: { d: Dashboard }) {
  return (
    <>
      <Text size="sm" c="dimmed">
        {t.periodNote(d.from, d.to)} {t.filterNote}
      </Text>
      {d.zeroActivity.length > 0 && (
        <Alert color="orange" title={t.zeroActivityTitle} role="alert">
          {t.zeroActivity(d.zeroActivity.map((j) => t.jigyoLabel[j] ?? j).join('、'))}
        </Alert>
      )}
      <StatutorySection d={d} />
      <ReferralSection d={d} />
      <CooccurrenceSection d={d} />
      <TimingSection d={d} />
      <NoContactSection d={d} />
      <CollaborationSection d={d} />
      <OutreachSection d={d} />
      <ActivitySection d={d} />
    </>
  );
}
