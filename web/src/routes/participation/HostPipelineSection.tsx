import { Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Section } from '../../components/Section';
import { ja } from '../../i18n/ja';
import { useFormatDate } from '../../lib/dates';
import { hasAnyRole, useMe } from '../../lib/me';
import { AnchorLink } from '../consultation/AnchorLink';
import { ButtonLink } from '../consultation/intake/ButtonLink';
import { HOST_KEEPER_ROLES, type HostStage, hostsQueryOptions } from './api';

const t = ja.participation;
const STAGES: HostStage[] = ['candidate', 'approached', 'registered', 'declined'];

/** 協力事業者の開拓: hosts by stage of the pipeline 候補 → 打診 → 協力事業者登録 (見送り apart). */
export function HostPipelineSection() {
  const fmt = useFormatDate();
  const me = useMe();
  const hosts = useQuery(hostsQueryOptions);
  const items = hosts.data?.items ?? [];
  return (
    <Section title={t.hostsSection}>
      <Group justify="space-between">
        <Group gap="xs">
          {STAGES.map((s) => (
            <Badge key={s} variant="light" radius="sm" tt="none" size="lg" color={s === 'registered' ? 'teal' : s === 'declined' ? 'gray' : 'blue'}>
              {t.stageCount(t.stage[s] ?? s, items.filter((h) => h.stage === s).length)}
            </Badge>
          ))}
        </Group>
        {hasAnyRole(me, HOST_KEEPER_ROLES) && <ButtonLink to="/participation/hosts/new">{t.newHost}</ButtonLink>}
      </Group>
      <ErrorAlert error={hosts.error} />
      {hosts.isPending && <Loading />}
      {hosts.data && items.length === 0 && <Text c="dimmed">{t.noHosts}</Text>}
      {items.length > 0 && (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          {STAGES.map((s) => (
            <Stack key={s} gap={6} component="section" aria-label={t.stage[s]}>
              <Text fw={600}>{t.stage[s]}</Text>
              {items
                .filter((h) => h.stage === s)
                .map((h) => (
                  <Stack key={h.id} gap={0}>
                    <AnchorLink to="/participation/hosts/$id" params={{ id: h.id }}>
                      {h.name}
                    </AnchorLink>
                    <Text size="xs" c="dimmed">
                      {[h.areaName, h.offers.join('・'), h.stageSince ? fmt.date(h.stageSince) : null, h.capacity !== null && h.remaining !== null ? t.remaining(h.remaining, h.capacity) : null]
                        .filter(Boolean)
                        .join('／')}
                    </Text>
                  </Stack>
                ))}
            </Stack>
          ))}
        </SimpleGrid>
      )}
    </Section>
  );
}
