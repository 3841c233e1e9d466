import { Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { Section } from '../../../components/Section';
import { TableDownload } from '../../../components/TableDownload';
import { ja } from '../../../i18n/ja';
import { hasAnyRole, useMe } from '../../../lib/me';
import { todayInJapan } from '../../consultation/progress/ProgressNoteForm';
import { fiscalMonths, fiscalYearOf, INDICATORS, type PrefectureView, prefectureQueryOptions } from './api';
import { PrefectureChart } from './PrefectureChart';

const t = ja.prefecture;
const show = (v: number | null) => (v === null ? t.suppressed : v.toLocaleString('ja-JP'));

/** 都道府県の集計: the six indicators for every municipality of the prefecture, small counts hidden. */
export function PrefecturePage() {
  const me = useMe();
  const current = fiscalYearOf(todayInJapan());
  const [year, setYear] = useState(current);
  const [month, setMonth] = useState<string | null>(null);
  const allowed = hasAnyRole(me, ['prefecture_analyst']);
  const view = useQuery({ ...prefectureQueryOptions(year, month), enabled: allowed });
  const v = view.data;
  return (
    <Stack>
      <PageHeader title={t.heading} description={t.description} />
      {!allowed ? (
        <Text c="dimmed">{t.notAllowed}</Text>
      ) : (
        <>
          <Group align="flex-end">
            <NativeSelect
              label={t.fiscalYear}
              value={String(year)}
              onChange={(e) => {
                setYear(Number(e.currentTarget.value));
                setMonth(null);
              }}
              data={[0, 1, 2, 3].map((i) => ({ value: String(current - i), label: t.fiscalYearOption(current - i) }))}
            />
            <NativeSelect
              label={t.month}
              value={month ?? ''}
              onChange={(e) => setMonth(e.currentTarget.value || null)}
              data={[{ value: '', label: t.wholeYear }, ...fiscalMonths(year).map((m) => ({ value: m, label: t.monthOption(m) }))]}
            />
          </Group>
          <ErrorAlert error={view.error} />
          {view.isPending && <Loading />}
          {v && <IndicatorTable view={v} />}
          {v && <PrefectureChart view={v} />}
        </>
      )}
    </Stack>
  );
}

function IndicatorTable({ view }: { view: PrefectureView }) {
  const period = view.month ? t.monthOption(view.month) : t.fiscalYearOption(view.fiscalYear);
  const header = [t.colMunicipality, t.colPopulation, ...INDICATORS.map((i) => t.indicator[i] ?? i)];
  const rows = [
    ...view.rows.map((r) => [r.name, r.population, ...INDICATORS.map((i) => r.values[i] ?? t.suppressed)]),
    [t.total, view.rows.reduce((a, r) => a + r.population, 0), ...INDICATORS.map((i) => view.totals[i] ?? t.suppressed)],
  ];
  return (
    <Section title={t.tableSection}>
      <Group justify="space-between" align="center">
        <Text size="sm">{t.heading2(view.prefectureName)}</Text>
        <TableDownload fileName={t.fileName(view.prefectureName, view.month ?? `${view.fiscalYear}年度`)} header={header} rows={rows} />
      </Group>
      <Table.ScrollContainer minWidth={900}>
        <Table aria-label={t.table(period)} striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.colMunicipality}</Table.Th>
              <Table.Th>{t.colPopulation}</Table.Th>
              {INDICATORS.map((i) => (
                <Table.Th key={i}>{t.indicator[i]}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.rows.map((r) => (
              <Table.Tr key={r.code}>
                <Table.Th scope="row">{r.name}</Table.Th>
                <Table.Td>{r.population.toLocaleString('ja-JP')}</Table.Td>
                {INDICATORS.map((i) => (
                  <Table.Td key={i}>{show(r.values[i])}</Table.Td>
                ))}
              </Table.Tr>
            ))}
            <Table.Tr fw={700}>
              <Table.Th scope="row">{t.total}</Table.Th>
              <Table.Td>{view.rows.reduce((a, r) => a + r.population, 0).toLocaleString('ja-JP')}</Table.Td>
              {INDICATORS.map((i) => (
                <Table.Td key={i}>{show(view.totals[i])}</Table.Td>
              ))}
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs">{t.suppressedNote(view.threshold)}</Text>
    </Section>
  );
}
