import { Group, NativeSelect, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Section } from '../../components/Section';
import { ja } from '../../i18n/ja';
import { hasAnyRole, useMe } from '../../lib/me';
import { todayInJapan } from '../consultation/progress/ProgressNoteForm';
import { KPI_ROLES, type KpiCounts, type KpiKey, kpisQueryOptions } from './api';

const t = ja.participation;
const KEYS: KpiKey[] = ['personsSupported', 'hostsRegistered', 'hostsNew', 'placementsStarted', 'followupsDone', 'followupsOverdue'];

const fiscalYearOf = (day: string) => (Number(day.slice(5, 7)) >= 4 ? Number(day.slice(0, 4)) : Number(day.slice(0, 4)) - 1);

/** 参加支援の指標 by 年度 (April–March) and month, counted from the records; aggregate readers only. */
export function KpiSection() {
  const me = useMe();
  if (!hasAnyRole(me, KPI_ROLES)) {
    return (
      <Section title={t.kpiSection}>
        <Text c="dimmed">{t.kpiNotAllowed}</Text>
      </Section>
    );
  }
  return <KpiTable />;
}

function KpiTable() {
  const current = fiscalYearOf(todayInJapan());
  const [year, setYear] = useState(current);
  const kpis = useQuery(kpisQueryOptions(year));
  const cell = (c: KpiCounts, k: KpiKey) => (c[k] === null ? t.suppressed : String(c[k]));
  const k = kpis.data;
  return (
    <Section title={t.kpiSection}>
      <Text size="sm" c="dimmed">
        {t.kpiHelp}
      </Text>
      <Group align="flex-end">
        <NativeSelect
          label={t.fiscalYear}
          value={String(year)}
          onChange={(e) => setYear(Number(e.currentTarget.value))}
          data={[0, 1, 2, 3].map((i) => ({ value: String(current - i), label: t.fiscalYearOption(current - i) }))}
        />
        {k && (
          <Text size="sm">
            {`${t.pipelineLine}: ${(['candidate', 'approached', 'registered', 'declined'] as const).map((s) => t.stageCount(t.stage[s] ?? s, k.pipeline[s] ?? t.suppressed)).join('・')}`}
          </Text>
        )}
      </Group>
      <ErrorAlert error={kpis.error} />
      {kpis.isPending && <Loading />}
      {k && (
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label={t.kpiTable(k.fiscalYear)} striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.colMonth}</Table.Th>
                {KEYS.map((key) => (
                  <Table.Th key={key}>{t.kpi[key]}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {k.months.map((m) => (
                <Table.Tr key={m.month}>
                  <Table.Th scope="row">{t.monthLabel(m.month)}</Table.Th>
                  {KEYS.map((key) => (
                    <Table.Td key={key}>{cell(m, key)}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
              <Table.Tr fw={700}>
                <Table.Th scope="row">{t.yearTotal}</Table.Th>
                {KEYS.map((key) => (
                  <Table.Td key={key}>{cell(k.year, key)}</Table.Td>
                ))}
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {k?.suppressedBelow && <Text size="xs">{t.suppressedNote(k.suppressedBelow)}</Text>}
    </Section>
  );
}
