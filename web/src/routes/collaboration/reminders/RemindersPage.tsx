import { Badge, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { RequireRole } from '../../../components/RequireRole';
import { Section } from '../../../components/Section';
import { ja } from '../../../i18n/ja';
import { useFormatDate } from '../../../lib/dates';
import { AnchorLink } from '../../consultation/AnchorLink';
import { PLAN_ROLES, type ReminderItem, remindersQueryOptions } from '../plans/api';

const t = ja.plans;

/** 見直し・期日（機関別）: everything due within 14 days on the cases of the user's agencies, per agency. */
export function RemindersPage() {
  return (
    <RequireRole roles={PLAN_ROLES}>
      <RemindersScreen />
    </RequireRole>
  );
}

function RemindersScreen() {
  const reminders = useQuery(remindersQueryOptions('agency'));
  const groups = new Map<string, { name: string; items: ReminderItem[] }>();
  for (const i of reminders.data?.items ?? []) {
    const g = groups.get(i.agencyId) ?? { name: i.agencyName, items: [] };
    g.items.push(i);
    groups.set(i.agencyId, g);
  }
  return (
    <Stack>
      <PageHeader title={t.remindersHeading} />
      <ErrorAlert error={reminders.error} />
      {reminders.isPending && <Loading />}
      {reminders.data && groups.size === 0 && <Text c="dimmed">{t.remindersNone}</Text>}
      {[...groups.entries()].map(([agencyId, g]) => (
        <Section key={agencyId} title={g.name}>
          <ReminderTable name={g.name} items={g.items} />
        </Section>
      ))}
    </Stack>
  );
}

function ReminderTable({ name, items }: { name: string; items: ReminderItem[] }) {
  const fmt = useFormatDate();
  return (
    <Table withTableBorder aria-label={t.remindersTable(name)}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t.colDate}</Table.Th>
          <Table.Th>{t.colKind}</Table.Th>
          <Table.Th>{t.colHousehold}</Table.Th>
          <Table.Th>{t.colContent}</Table.Th>
          <Table.Th>{t.colOwner}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((i) => (
          <Table.Tr key={`${i.planId}-${i.kind}-${i.actionNo ?? 0}`}>
            <Table.Td>
              <Text span c={i.overdue ? 'red' : undefined} fw={i.overdue ? 700 : undefined}>
                {fmt.date(i.dueOn)}
              </Text>
              {i.overdue && (
                <Badge color="red" variant="filled" radius="sm" tt="none" ml={4} size="sm">
                  {t.overdue}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>{t.reminderKind[i.kind]}</Table.Td>
            <Table.Td>{i.householdLabel}</Table.Td>
            <Table.Td>
              <AnchorLink to="/collaboration/plans/$id" params={{ id: i.planId }}>
                {i.kind === 'review' ? t.reviewOf(i.versionNo) : (i.description ?? '')}
              </AnchorLink>
            </Table.Td>
            <Table.Td>{i.ownerName ?? ''}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
