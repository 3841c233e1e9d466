import { Badge, Group, List, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Section } from '../../../components/Section';
import { ja } from '../../../i18n/ja';
import { useFormatDate } from '../../../lib/dates';
import { hasAnyRole, useMe } from '../../../lib/me';
import { AnchorLink } from '../../consultation/AnchorLink';
import { PLAN_ROLES, remindersQueryOptions } from './api';

const t = ja.plans;

/** ホーム: 見直し・期日 — plan reviews and actions of the user's agencies due within 14 days; overdue in red. */
export function RemindersCard() {
  const me = useMe();
  if (!hasAnyRole(me, PLAN_ROLES)) return null;
  return <Card />;
}

function Card() {
  const fmt = useFormatDate();
  const reminders = useQuery(remindersQueryOptions('mine'));
  const data = reminders.data;
  return (
    <Section title={t.remindersCard}>
      <ErrorAlert error={reminders.error} />
      {reminders.isPending && <Loading />}
      {data && (
        <Stack gap="xs">
          <Group gap="sm">
            <Text fw={700}>{t.remindersCounts(data.counts.reviews, data.counts.actions)}</Text>
            {data.counts.overdue > 0 && (
              <Badge color="red" variant="filled" radius="sm" tt="none">
                {t.remindersOverdue(data.counts.overdue)}
              </Badge>
            )}
          </Group>
          {data.items.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t.remindersNone}
            </Text>
          ) : (
            <List spacing={2} size="sm" aria-label={t.remindersCard}>
              {data.items.slice(0, 5).map((i) => (
                <List.Item key={`${i.planId}-${i.kind}-${i.actionNo ?? 0}`}>
                  <Text span size="sm" c={i.overdue ? 'red' : undefined} fw={i.overdue ? 700 : undefined}>
                    {fmt.date(i.dueOn)} {t.reminderKind[i.kind]}{' '}
                  </Text>
                  <AnchorLink to="/collaboration/plans/$id" params={{ id: i.planId }} size="sm">
                    {i.householdLabel}：{i.kind === 'review' ? t.reviewOf(i.versionNo) : (i.description ?? '')}
                  </AnchorLink>
                  {i.overdue && (
                    <Badge color="red" variant="filled" radius="sm" tt="none" ml={4} size="sm">
                      {t.overdue}
                    </Badge>
                  )}
                </List.Item>
              ))}
            </List>
          )}
          <AnchorLink to="/collaboration/reminders" size="sm">
            {t.remindersList}
          </AnchorLink>
        </Stack>
      )}
    </Section>
  );
}
