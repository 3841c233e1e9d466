import { Badge, Group, List, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Section } from '../../components/Section';
import { ja } from '../../i18n/ja';
import { useFormatDate } from '../../lib/dates';
import { hasAnyRole, useMe } from '../../lib/me';
import { AnchorLink } from '../consultation/AnchorLink';
import { lapsesQueryOptions, OUTREACH_ROLES } from './api';
import { LapseLink } from './LapseLink';

const o = ja.outreach;

/** ホーム: 連絡が途絶えている人 — the signed-in worker's leads and cases past their contact cadence, oldest first. */
export function LapsesCard() {
  const me = useMe();
  if (!hasAnyRole(me, OUTREACH_ROLES) || me.agencies.length === 0) return null;
  return <Card />;
}

function Card() {
  const fmt = useFormatDate();
  const lapses = useQuery(lapsesQueryOptions('mine'));
  const items = lapses.data?.items ?? [];
  return (
    <Section title={o.lapsesCard}>
      <ErrorAlert error={lapses.error} />
      {lapses.isPending && <Loading />}
      {lapses.data && (
        <Stack gap="xs">
          <Group gap="sm">
            <Text fw={700}>{o.lapsesCount(items.length)}</Text>
          </Group>
          {items.length === 0 ? (
            <Text c="dimmed" size="sm">
              {o.lapsesNone}
            </Text>
          ) : (
            <List spacing={2} size="sm" aria-label={o.lapsesCard}>
              {items.slice(0, 6).map((i) => (
                <List.Item key={`${i.kind}-${i.id}`}>
                  <LapseLink item={i} size="sm" />{' '}
                  <Text span size="sm" c="dimmed">
                    {fmt.date(i.dueOn)}
                  </Text>
                  <Badge color="red" variant="filled" radius="sm" tt="none" ml={4} size="sm">
                    {o.cadenceLapsed(i.daysOverdue)}
                  </Badge>
                </List.Item>
              ))}
            </List>
          )}
          <AnchorLink to="/outreach/lapses" size="sm">
            {o.lapsesAll}
          </AnchorLink>
        </Stack>
      )}
    </Section>
  );
}
