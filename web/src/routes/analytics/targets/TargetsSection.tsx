import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { BarChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { useMemo, useState } from 'react';
import { EChart, type EChartOption } from '../../../components/EChart';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { TableDownload } from '../../../components/TableDownload';
import { ja } from '../../../i18n/ja';
import { type TargetRow, type Targets, targetsQueryOptions } from './api';
import { AddIndicatorForm } from './AddIndicatorForm';
import { IndicatorYearModal } from './IndicatorYearModal';

echarts.use([BarChart, GridComponent]);

const t = ja.targets;
const number = new Intl.NumberFormat('ja-JP');
const show = (n: number | null) => (n === null ? ja.app.none : number.format(n));

function chartOption(data: Targets): EChartOption {
  // One pair of bars (target, actual) per indicator; the table below has the exact values and 達成率.
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: [t.seriesTarget, t.seriesActual] },
    grid: { left: 8, right: 16, bottom: 8, top: 40, containLabel: true },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', inverse: true, data: data.rows.map((r) => `${r.label}（${r.unit}）`) },
    series: [
      { name: t.seriesTarget, type: 'bar', data: data.rows.map((r) => r.target) },
      { name: t.seriesActual, type: 'bar', data: data.rows.map((r) => r.actual) },
    ],
  };
}

/** Target vs actual of one plan and 年度: chart, table with 達成率 and 評価, downloads, editing. */
export function TargetsSection({ planId, fiscalYear }: { planId: string; fiscalYear: number }) {
  const targets = useQuery(targetsQueryOptions(planId, fiscalYear));
  const [editing, setEditing] = useState<TargetRow | null>(null);
  const data = targets.data;
  const option = useMemo(() => (data ? chartOption(data) : null), [data]);
  if (targets.error) return <ErrorAlert error={targets.error} />;
  if (!data || !option) return <Loading />;
  const fy = t.fiscalYearOption(data.fiscalYear);
  const source = (r: TargetRow) => (r.actualSource === 'records' ? t.sourceRecords : t.sourceManual);
  const header = [t.colIndicator, t.colUnit, t.colTarget, t.colActual, t.colAchievement, t.colSource, t.colEvaluation];
  const rows = data.rows.map((r) => [r.label, r.unit, r.target, r.actual, r.achievement === null ? null : t.percent(r.achievement), source(r), r.evaluation]);
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {data.asOf ? t.asOf(data.asOf) : t.notStarted}
      </Text>
      <EChart option={option} label={t.chartLabel(fy)} height={Math.max(240, data.rows.length * 56)} />
      <Group justify="flex-end">
        <TableDownload fileName={t.downloadName(data.plan.name, data.fiscalYear)} header={header} rows={rows} />
      </Group>
      <Table.ScrollContainer minWidth={720}>
        <Table aria-label={t.tableLabel} striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              {header.map((h) => (
                <Table.Th key={h} scope="col">
                  {h}
                </Table.Th>
              ))}
              {data.canEdit && <Table.Th scope="col">{t.colActions}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.rows.map((r) => (
              <Table.Tr key={r.indicatorId}>
                <Table.Th scope="row" fw={500}>
                  {r.label}
                </Table.Th>
                <Table.Td>{r.unit}</Table.Td>
                <Table.Td ta="right">{show(r.target)}</Table.Td>
                <Table.Td ta="right">{show(r.actual)}</Table.Td>
                <Table.Td ta="right">{r.achievement === null ? ja.app.none : t.percent(r.achievement)}</Table.Td>
                <Table.Td>{source(r)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{r.evaluation ?? ''}</Table.Td>
                {data.canEdit && (
                  <Table.Td>
                    <Button size="xs" variant="default" onClick={() => setEditing(r)} aria-label={t.editFor(r.label)}>
                      {t.edit}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {data.canEdit && <AddIndicatorForm planId={planId} />}
      {editing && <IndicatorYearModal row={editing} fiscalYear={data.fiscalYear} yearLabel={fy} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
