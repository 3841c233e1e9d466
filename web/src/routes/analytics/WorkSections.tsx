import { Text } from '@mantine/core';
import { Section } from '../../components/Section';
import { ja } from '../../i18n/ja';
import type { Dashboard } from './api';
import { ChartTable, CountTable } from './ChartTable';
import { barOption } from './charts';

const t = ja.analytics;

/** 多機関協働 (involvement, plans, evaluations, 終結/中断) and meetings by type with the cases per meeting. */
export function CollaborationSection({ d }: { d: Dashboard }) {
  const c = d.collaboration;
  if (!c) return null;
  const entries = Object.keys(t.collaboration).map((k) => [t.collaboration[k] ?? k, c[k] ?? 0] as [string, number]);
  const meetings = d.meetings ?? [];
  const meetingOption = {
    grid: { left: 48, right: 16, top: 36, bottom: 48, containLabel: true },
    tooltip: { trigger: 'axis' as const },
    legend: { top: 0 },
    xAxis: { type: 'category' as const, data: meetings.map((m) => m.name) },
    yAxis: { type: 'value' as const, minInterval: 1 },
    series: [
      { type: 'bar' as const, name: t.colMeetings, data: meetings.map((m) => m.meetings), label: { show: true, position: 'top' as const } },
      { type: 'bar' as const, name: t.colCases, data: meetings.map((m) => m.cases), label: { show: true, position: 'top' as const } },
    ],
  };
  return (
    <>
      <Section title={t.collaborationTitle}>
        <ChartTable
          chartLabel={t.collaborationChart}
          tableLabel={t.collaborationTable}
          option={barOption(
            entries.map((e) => e[0]),
            entries.map((e) => e[1]),
            t.colValue,
          )}
          header={[t.colIndicator, t.colValue]}
          rows={entries}
          fileName={t.fileName(t.collaborationTitle, d.fiscalYear)}
        />
      </Section>
      <Section title={t.meetingsTitle}>
        <ChartTable
          chartLabel={t.meetingsChart}
          tableLabel={t.meetingsTable}
          option={meetingOption}
          header={[t.colMeetingType, t.colMeetings, t.colCases, t.colCasesPerMeeting]}
          rows={meetings.map((m) => [m.name, m.meetings, m.cases, m.casesPerMeeting])}
          fileName={t.fileName(t.meetingsTitle, d.fiscalYear)}
        />
      </Section>
    </>
  );
}

/** アウトリーチ: persons reached out to, new, consented, and contact attempts. */
export function OutreachSection({ d }: { d: Dashboard }) {
  const o = d.outreach;
  if (!o) return null;
  const entries = Object.keys(t.outreach).map((k) => [t.outreach[k] ?? k, o[k] ?? 0] as [string, number]);
  return (
    <Section title={t.outreachTitle}>
      <ChartTable
        chartLabel={t.outreachChart}
        tableLabel={t.outreachTable}
        option={barOption(
          entries.map((e) => e[0]),
          entries.map((e) => e[1]),
          t.colValue,
        )}
        header={[t.colIndicator, t.colValue]}
        rows={entries}
        fileName={t.fileName(t.outreachTitle, d.fiscalYear)}
      />
    </Section>
  );
}

/** Days from the first consultation to the first owner (主担当) and to the first plan: median and 90th percentile. */
export function TimingSection({ d }: { d: Dashboard }) {
  const m = d.timings;
  if (!m) return null;
  const rows: Array<[string, number, number | null, number | null]> = [
    [t.toOwner, m.toOwner.cases, m.toOwner.medianDays, m.toOwner.p90Days],
    [t.toPlan, m.toPlan.cases, m.toPlan.medianDays, m.toPlan.p90Days],
  ];
  const option = {
    grid: { left: 48, right: 16, top: 36, bottom: 32, containLabel: true },
    tooltip: { trigger: 'axis' as const },
    legend: { top: 0 },
    xAxis: { type: 'category' as const, data: rows.map((r) => r[0]) },
    yAxis: { type: 'value' as const },
    series: [
      { type: 'bar' as const, name: t.colMedian, data: rows.map((r) => r[2] ?? 0), label: { show: true, position: 'top' as const } },
      { type: 'bar' as const, name: t.colP90, data: rows.map((r) => r[3] ?? 0), label: { show: true, position: 'top' as const } },
    ],
  };
  return (
    <Section title={t.timingTitle}>
      <Text size="sm" c="dimmed">
        {t.timingNote}
      </Text>
      <ChartTable
        chartLabel={t.timingChart}
        tableLabel={t.timingTable}
        option={option}
        header={[t.colIndicator, t.colCasesCounted, t.colMedian, t.colP90]}
        rows={rows}
        fileName={t.fileName(t.timingTitle, d.fiscalYear)}
      />
    </Section>
  );
}

/** Open cases with no contact for N days, by lead agency (counts only, never the cases themselves). */
export function NoContactSection({ d }: { d: Dashboard }) {
  const n = d.noContact;
  if (!n) return null;
  return (
    <Section title={t.noContactTitle(n.days)}>
      <Text size="sm">{t.noContactSummary(n.noContact, n.openCases, n.asOf)}</Text>
      <ChartTable
        chartLabel={t.noContactChart}
        tableLabel={t.noContactTable}
        option={barOption(
          n.byAgency.map((a) => a.name),
          n.byAgency.map((a) => a.noContact),
          t.colNoContact,
        )}
        header={[t.colLeadAgency, t.colOpenCases, t.colNoContact]}
        rows={n.byAgency.map((a) => [a.name, a.openCases, a.noContact])}
        fileName={t.fileName(t.noContactTable, d.fiscalYear)}
      />
    </Section>
  );
}

/** Records per 事業 in the period (what the zero-activity warning is based on). */
export function ActivitySection({ d }: { d: Dashboard }) {
  return (
    <Section title={t.activityTitle}>
      <CountTable
        label={t.activityTable}
        header={[t.colJigyo, t.colRecords]}
        rows={d.activity.map((a) => [t.jigyoLabel[a.jigyo] ?? a.label, a.records])}
        fileName={t.fileName(t.activityTitle, d.fiscalYear)}
      />
    </Section>
  );
}
