import { Text } from '@mantine/core';
import { useMemo } from 'react';
import { Section } from '../../components/Section';
import { ja } from '../../i18n/ja';
import type { Dashboard } from './api';
import { ChartTable } from './ChartTable';

const t = ja.analytics;

/** Concern categories found together in one household: a symmetric heatmap and its table. */
export function CooccurrenceSection({ d }: { d: Dashboard }) {
  const c = d.cooccurrence;
  const { option, rows } = useMemo(() => {
    if (!c) return { option: {}, rows: [] };
    const label = (code: string) => c.categories.find((x) => x.code === code)?.label ?? code;
    const present = c.categories.filter((x) => c.cells.some((cell) => cell.a === x.code || cell.b === x.code)).map((x) => x.code);
    const names = present.map(label);
    const data: Array<[number, number, number]> = [];
    for (const cell of c.cells) {
      const i = present.indexOf(cell.a);
      const j = present.indexOf(cell.b);
      data.push([i, j, cell.households]);
      if (i !== j) data.push([j, i, cell.households]);
    }
    const max = Math.max(1, ...c.cells.map((cell) => cell.households));
    return {
      option: {
        tooltip: { position: 'top' as const },
        grid: { left: 8, right: 16, top: 16, bottom: 64, containLabel: true },
        xAxis: { type: 'category' as const, data: names, axisLabel: { interval: 0, rotate: 40 } },
        yAxis: { type: 'category' as const, data: names },
        visualMap: { min: 0, max, calculable: false, orient: 'horizontal' as const, left: 'center', bottom: 0, show: false },
        series: [{ type: 'heatmap' as const, data, label: { show: true } }],
      },
      rows: c.cells.map((cell) => [label(cell.a), cell.a === cell.b ? '—' : label(cell.b), cell.households]),
    };
  }, [c]);
  if (!c) return null;
  return (
    <Section title={t.cooccurrenceTitle}>
      <Text size="sm" c="dimmed">
        {t.cooccurrenceNote}
      </Text>
      <ChartTable
        chartLabel={t.cooccurrenceChart}
        tableLabel={t.cooccurrenceTable}
        option={option}
        height={Math.max(320, rows.length * 12 + 200)}
        header={[t.colCategoryA, t.colCategoryB, t.colHouseholds]}
        rows={rows}
        fileName={t.fileName(t.cooccurrenceTitle, d.fiscalYear)}
      />
    </Section>
  );
}
