import { Text } from '@mantine/core';
import { useMemo } from 'react';
import { Section } from '../../components/Section';
import { ja } from '../../i18n/ja';
import type { Dashboard } from './api';
import { ChartTable } from './ChartTable';
import { barOption } from './charts';

const t = ja.analytics;

/**
 * つなぐ between agencies: a Sankey of the flows (senders on the left, receivers on the right, so a pair
 * in both directions never makes a cycle) and the referrals by their state now; each with its table.
 */
export function ReferralSection({ d }: { d: Dashboard }) {
  const r = d.referrals;
  const sankey = useMemo(() => {
    if (!r) return {};
    const nodes = new Set<string>();
    const links = r.pairs.map((p) => {
      const source = t.sankeyFrom(p.fromName);
      const target = t.sankeyTo(p.toName);
      nodes.add(source);
      nodes.add(target);
      return { source, target, value: p.count };
    });
    return {
      tooltip: { trigger: 'item' as const },
      series: [{ type: 'sankey' as const, data: [...nodes].map((name) => ({ name })), links, emphasis: { focus: 'adjacency' as const }, label: { fontSize: 11, width: 230, overflow: 'truncate' as const }, left: 8, right: 240 }],
    };
  }, [r]);
  const status = useMemo(() => (r ? barOption(r.byStatus.map((s) => t.referralStatus[s.status] ?? s.status), r.byStatus.map((s) => s.count), t.colValue) : {}), [r]);
  if (!r) return null;
  return (
    <Section title={t.referralTitle}>
      <Text size="sm">{t.referralTotal(r.total)}</Text>
      <ChartTable
        chartLabel={t.referralSankey}
        tableLabel={t.referralPairTable}
        option={sankey}
        height={Math.max(280, r.pairs.length * 36)}
        header={[t.colFrom, t.colTo, t.colValue]}
        rows={r.pairs.map((p) => [p.fromName, p.toName, p.count])}
        fileName={t.fileName(t.referralPairTable, d.fiscalYear)}
      />
      <ChartTable
        chartLabel={t.referralStatusChart}
        tableLabel={t.referralStatusTable}
        option={status}
        header={[t.colStatus, t.colValue]}
        rows={r.byStatus.map((s) => [t.referralStatus[s.status] ?? s.status, s.count])}
        fileName={t.fileName(t.referralStatusTable, d.fiscalYear)}
      />
    </Section>
  );
}
