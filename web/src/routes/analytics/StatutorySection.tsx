import { NativeSelect, Paper, SimpleGrid, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Section } from '../../components/Section';
import { ja } from '../../i18n/ja';
import type { Dashboard } from './api';
import { ChartTable } from './ChartTable';
import { barOption, number } from './charts';

const t = ja.analytics;

/** The 施行規則34条の10 indicators: a card each for the period, and the months of the 年度 as bars or a table. */
export function StatutorySection({ d }: { d: Dashboard }) {
  const [code, setCode] = useState<string | null>(null);
  const chosen = d.statutory.find((s) => s.code === code) ?? d.statutory[0];
  const option = useMemo(() => (chosen ? barOption(d.months.map(t.monthOption), chosen.months.map((m) => m.value), chosen.label) : {}), [d, chosen]);
  if (d.statutory.length === 0) return null;
  const header = [t.colMonth, ...d.statutory.map((s) => `${s.label}（${s.unit}）`)];
  const rows = d.months.map((m, i) => [t.monthOption(m), ...d.statutory.map((s) => s.months[i]?.value ?? 0)]);
  return (
    <Section title={t.statutoryTitle}>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} role="list" aria-label={t.statutoryCards}>
        {d.statutory.map((s) => (
          <Paper key={s.code} withBorder p="sm" radius="md" role="listitem" aria-label={s.label}>
            <Text size="sm" c="dimmed">
              {s.label}
            </Text>
            <Text fz="1.75rem" fw={700}>
              {number.format(s.value)}
              <Text span size="sm" fw={400} ml={4}>
                {s.unit}
              </Text>
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Text fw={600}>{t.monthlyTitle}</Text>
      <ChartTable
        chartLabel={t.monthlyChart}
        tableLabel={t.monthlyTable}
        option={option}
        header={header}
        rows={rows}
        fileName={t.fileName(t.monthlyTitle, d.fiscalYear)}
        controls={
          <NativeSelect
            label={t.monthlyIndicator}
            value={chosen?.code ?? ''}
            onChange={(e) => setCode(e.currentTarget.value)}
            data={d.statutory.map((s) => ({ value: s.code, label: s.label }))}
          />
        }
      />
    </Section>
  );
}
