import { Group, List, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Section } from '../../../components/Section';
import { ja } from '../../../i18n/ja';
import { useFormatDate } from '../../../lib/dates';
import { type PlanAction, type PlanDiff, type PlanView, planDiffQueryOptions } from './api';

const t = ja.plans;
const DATE_FIELDS = new Set(['periodFrom', 'periodTo', 'nextReviewOn', 'agreement.agreedOn', 'dueOn', 'doneOn']);

/** 変更点: two versions side by side, field by field (defaults to the shown version and the one before). */
export function PlanDiffSection({ plan, shown }: { plan: PlanView; shown: number }) {
  const [pair, setPair] = useState<{ from: number; to: number } | null>(null);
  const to = pair?.to ?? (shown > 1 ? shown : 2);
  const from = pair?.from ?? to - 1;
  const diff = useQuery({ ...planDiffQueryOptions(plan.id, from, to), enabled: from !== to });
  const options = plan.versions.map((v) => ({ value: String(v.versionNo), label: t.versionLabel(v.versionNo) }));
  return (
    <div className="no-print">
      <Section title={t.diff}>
        <Group>
          <NativeSelect label={t.diffFrom} value={String(from)} data={options} onChange={(e) => setPair({ from: Number(e.currentTarget.value), to })} />
          <NativeSelect label={t.diffTo} value={String(to)} data={options} onChange={(e) => setPair({ from, to: Number(e.currentTarget.value) })} />
        </Group>
        <ErrorAlert error={diff.error} />
        {diff.isFetching && !diff.data && <Loading />}
        {diff.data && <DiffBody plan={plan} diff={diff.data} />}
      </Section>
    </div>
  );
}

function DiffBody({ plan, diff: d }: { plan: PlanView; diff: PlanDiff }) {
  const fmt = useFormatDate();
  const agencyNames = new Map<string, string>([[plan.leadAgencyId, plan.leadAgencyName], ...plan.current.content.actions.map((a) => [a.agencyId, a.agencyName] as [string, string])]);
  const show = (field: string, v: string | boolean | null) => {
    if (v === null || v === '') return t.empty;
    if (typeof v === 'boolean') return v ? t.yes : t.no;
    if (field === 'agreement.how') return t.how[v] ?? v;
    if (field === 'agencyId') return agencyNames.get(v) ?? v;
    return DATE_FIELDS.has(field) ? fmt.date(v) : v;
  };
  const actionLine = (a: PlanAction) => `${show('agencyId', a.agencyId)}：${a.description}${a.dueOn ? `（${t.colDue} ${fmt.date(a.dueOn)}）` : ''}`;
  const { fields, goals, actions } = d.diff;
  const none = fields.length + goals.added.length + goals.removed.length + goals.changed.length + actions.added.length + actions.removed.length + actions.changed.length === 0;
  const rows = [
    ...fields.map((f) => ({ key: f.field, label: t.fieldLabels[f.field] ?? f.field, before: show(f.field, f.before), after: show(f.field, f.after) })),
    ...goals.changed.map((g) => ({ key: `g-${g.id}`, label: t.goalChanged, before: g.before, after: g.after })),
    ...actions.changed.flatMap((c) =>
      c.fields.map((f) => ({ key: `a-${c.id}-${f}`, label: `${t.actionChanged}（${c.after.description}）: ${t.fieldLabels[f] ?? f}`, before: show(f, c.before[f as keyof PlanAction]), after: show(f, c.after[f as keyof PlanAction]) })),
    ),
  ];
  return (
    <Stack gap="sm" aria-label={t.diffTitle(d.from, d.to)} role="region">
      <Title order={3} size="h5">
        {t.diffTitle(d.from, d.to)}
      </Title>
      {none && <Text c="dimmed">{t.diffNone}</Text>}
      {rows.length > 0 && (
        <Table withTableBorder aria-label={t.diffTitle(d.from, d.to)}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.diffField}</Table.Th>
              <Table.Th>{t.diffBefore}</Table.Th>
              <Table.Th>{t.diffAfter}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Th scope="row">{r.label}</Table.Th>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{r.before}</Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{r.after}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Listed title={t.goalAdded} items={goals.added.map((g) => ({ id: g.id, text: g.text }))} />
      <Listed title={t.goalRemoved} items={goals.removed.map((g) => ({ id: g.id, text: g.text }))} />
      <Listed title={t.actionAdded} items={actions.added.map((a) => ({ id: a.id, text: actionLine(a) }))} />
      <Listed title={t.actionRemoved} items={actions.removed.map((a) => ({ id: a.id, text: actionLine(a) }))} />
    </Stack>
  );
}

function Listed({ title, items }: { title: string; items: Array<{ id: string; text: string }> }) {
  if (items.length === 0) return null;
  return (
    <div>
      <Text fw={700} size="sm">
        {title}
      </Text>
      <List size="sm">
        {items.map((s) => (
          <List.Item key={s.id}>{s.text}</List.Item>
        ))}
      </List>
    </div>
  );
}
