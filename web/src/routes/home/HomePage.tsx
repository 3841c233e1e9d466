import { Badge, Group, List, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';
import { Section } from '../../components/Section';
import { ja } from '../../i18n/ja';
import { useAgencyKindLabel } from '../../lib/agencies';
import { useFormatDate } from '../../lib/dates';
import { useMe } from '../../lib/me';
import { RemindersCard } from '../collaboration/plans/RemindersCard';
import { LapsesCard } from '../outreach/LapsesCard';
import { ReferralInboxCard } from '../referral/ReferralInboxCard';

export function HomePage() {
  const me = useMe();
  const fmt = useFormatDate();
  const kindLabel = useAgencyKindLabel();
  const now = new Date();

  return (
    <Stack>
      <PageHeader title={ja.home.heading} />
      <Paper withBorder p="md" radius="md">
        <Group gap="lg">
          <Text>
            {ja.home.today}: <time dateTime={now.toISOString()}>{fmt.date(now)}</time>
          </Text>
          <Text>
            {ja.home.municipality}: {me.municipality.prefectureName} {me.municipality.name}
          </Text>
        </Group>
      </Paper>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <ReferralInboxCard />
        <RemindersCard />
        <LapsesCard />
        <Section title={ja.home.agencies}>
          {me.agencies.length === 0 ? (
            <Text c="dimmed">{ja.home.noAgencies}</Text>
          ) : (
            <List spacing={4}>
              {me.agencies.map((a) => (
                <List.Item key={a.id}>
                  {a.name}
                  <Text span size="sm" c="dimmed">
                    {ja.text.paren(kindLabel(a.kind))}
                  </Text>
                </List.Item>
              ))}
            </List>
          )}
        </Section>
        <Section title={ja.home.roles}>
          <Group gap="xs">
            {me.user.roles.map((r) => (
              <Badge key={r} variant="light" size="lg" radius="sm" tt="none">
                {ja.roles[r] ?? r}
              </Badge>
            ))}
          </Group>
        </Section>
      </SimpleGrid>
    </Stack>
  );
}
