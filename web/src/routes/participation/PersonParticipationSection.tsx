import { Badge, Group, List, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Section } from '../../components/Section';
import { ja } from '../../i18n/ja';
import { useFormatDate } from '../../lib/dates';
import { AnchorLink } from '../consultation/AnchorLink';
import { ButtonLink } from '../consultation/intake/ButtonLink';
import { needsQueryOptions } from './api';

const t = ja.participation;

/** 本人のページの「参加支援」: this person's needs the actor may see, and 参加支援の希望を登録. */
export function PersonParticipationSection({ personId }: { personId: string }) {
  const fmt = useFormatDate();
  const needs = useQuery(needsQueryOptions({ scope: 'agency', status: 'all', personId }));
  const items = needs.data?.items ?? [];
  return (
    <Section title={t.personSection}>
      <ErrorAlert error={needs.error} />
      {needs.isPending && <Loading />}
      {needs.data && items.length === 0 && <Text c="dimmed">{t.personNone}</Text>}
      {items.length > 0 && (
        <List spacing={4}>
          {items.map((n) => (
            <List.Item key={n.id}>
              <Group gap="xs">
                <AnchorLink to="/participation/needs/$id" params={{ id: n.id }}>
                  {`${fmt.date(n.openedOn)} ${n.wishes.join(ja.text.listSeparator)}`}
                </AnchorLink>
                <Badge variant="light" color={n.status === 'active' ? 'teal' : 'gray'} radius="sm" tt="none">
                  {t.needStatus[n.status]}
                </Badge>
                {n.overdueFollowups > 0 && (
                  <Badge color="red" radius="sm" tt="none">
                    {t.overdueCount(n.overdueFollowups)}
                  </Badge>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      <Group>
        <ButtonLink to="/participation/needs/new" search={{ personId }} variant="light">
          {t.newNeed}
        </ButtonLink>
      </Group>
    </Section>
  );
}
