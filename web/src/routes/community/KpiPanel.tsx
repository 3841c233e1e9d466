import { Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { ja } from '../../i18n/ja';
import { ageBandsQueryOptions, type Kpi, kpisQueryOptions } from './api';

const t = ja.community;
const STATS: Array<[keyof Omit<Kpi, 'byBand'>, string]> = [
  ['places', t.kpiPlaces],
  ['sessions', t.kpiSessions],
  ['participants', t.kpiParticipants],
  ['partners', t.kpiPartners],
  ['multiGenerationalSessions', t.kpiMulti],
];
const number = new Intl.NumberFormat('ja-JP');

/** 指標 of a 年度 (and each month), for the municipality or one 圏域. */
export function KpiPanel({ fiscalYear, areaId }: { fiscalYear: number; areaId: string | null }) {
  const kpis = useQuery(kpisQueryOptions(fiscalYear, areaId));
  const bands = useQuery(ageBandsQueryOptions);
  if (kpis.error) return <ErrorAlert error={kpis.error} />;
  if (!kpis.data) return <Loading />;
  const { total, months } = kpis.data;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }}>
        {STATS.map(([key, label]) => (
          <Paper key={key} withBorder p="sm" radius="md" role="group" aria-label={label}>
            <Text size="sm" c="dimmed">
              {label}
            </Text>
            <Text fz="1.75rem" fw={700}>
              {number.format(total[key])}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t.kpiHint}
      </Text>
      {bands.data && (
        <Table aria-label={t.byBandTable} withTableBorder verticalSpacing={4} maw={560}>
          <Table.Thead>
            <Table.Tr>
              {bands.data.map((b) => (
                <Table.Th key={b.code} scope="col">
                  {b.label}
                  <Text span size="xs" c="dimmed">
                    {ja.text.paren(b.range)}
                  </Text>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              {bands.data.map((b) => (
                <Table.Td key={b.code}>{number.format(total.byBand[b.code])}</Table.Td>
              ))}
            </Table.Tr>
          </Table.Tbody>
        </Table>
      )}
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label={t.monthlyTable} striped verticalSpacing={2} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t.colMonth}</Table.Th>
              {STATS.map(([key, label]) => (
                <Table.Th key={key} scope="col" ta="right">
                  {label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {months.map((m) => (
              <Table.Tr key={m.month}>
                <Table.Th scope="row" fw={400}>
                  {t.monthLabel(m.month)}
                </Table.Th>
                {STATS.map(([key]) => (
                  <Table.Td key={key} ta="right">
                    {number.format(m[key])}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
