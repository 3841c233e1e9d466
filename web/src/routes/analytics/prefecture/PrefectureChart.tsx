import { NativeSelect, SegmentedControl, Table, Group } from '@mantine/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { useMemo, useState } from 'react';
import { EChart, type EChartOption } from '../../../components/EChart';
import { Section } from '../../../components/Section';
import { ja } from '../../../i18n/ja';
import { INDICATORS, type Indicator, type PrefectureView } from './api';

// Bars and their axes, beside what EChart.tsx registers.
echarts.use([BarChart, GridComponent, TooltipComponent]);

const t = ja.prefecture;
const show = (v: number | null) => (v === null ? t.suppressed : v.toLocaleString('ja-JP'));

/** One indicator across the municipalities, as bars or as a table (a hidden count has no bar). */
export function PrefectureChart({ view }: { view: PrefectureView }) {
  const [indicator, setIndicator] = useState<Indicator>('consultations');
  const [mode, setMode] = useState<'chart' | 'table'>('chart');
  const name = t.indicator[indicator] ?? indicator;
  const option = useMemo<EChartOption>(
    () => ({
      grid: { left: 48, right: 16, top: 24, bottom: 40 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: view.rows.map((r) => r.name) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name,
          data: view.rows.map((r) => r.values[indicator] ?? '-'),
          label: { show: true, position: 'top' },
          barMaxWidth: 48,
        },
      ],
    }),
    [view, indicator, name],
  );
  return (
    <Section title={t.chartSection}>
      <Group align="flex-end">
        <NativeSelect label={t.chartIndicator} value={indicator} onChange={(e) => setIndicator(e.currentTarget.value as Indicator)} data={INDICATORS.map((i) => ({ value: i, label: t.indicator[i] ?? i }))} />
        <SegmentedControl
          aria-label={t.view}
          value={mode}
          onChange={(v) => setMode(v as 'chart' | 'table')}
          data={[
            { value: 'chart', label: t.viewChart },
            { value: 'table', label: t.viewTable },
          ]}
        />
      </Group>
      {mode === 'chart' ? (
        <EChart option={option} label={t.chartLabel(name)} height={320} />
      ) : (
        <Table aria-label={t.chartTable(name)} withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.colMunicipality}</Table.Th>
              <Table.Th>{name}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.rows.map((r) => (
              <Table.Tr key={r.code}>
                <Table.Th scope="row">{r.name}</Table.Th>
                <Table.Td>{show(r.values[indicator])}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr fw={700}>
              <Table.Th scope="row">{t.total}</Table.Th>
              <Table.Td>{show(view.totals[indicator])}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}
