import { Badge, Button, Group, List, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Section } from '../../../components/Section';
import { ja } from '../../../i18n/ja';
import { useFormatDate } from '../../../lib/dates';
import { AnchorLink } from '../../consultation/AnchorLink';
import { casePlansQueryOptions } from './api';

const t = ja.plans;

/** ケースのページの「支援プラン」: the case's plans (newest first) and 支援プランを作成. */
export function CasePlansSection({ caseId, canCreate }: { caseId: string; canCreate: boolean }) {
  const fmt = useFormatDate();
  const navigate = useNavigate();
  const plans = useQuery(casePlansQueryOptions(caseId));
  const items = plans.data?.items ?? [];
  const hasActive = items.some((p) => p.status === 'active');
  return (
    <Section title={t.caseSection}>
      <ErrorAlert error={plans.error} />
      {plans.isPending && <Loading />}
      {plans.data && items.length === 0 && <Text c="dimmed">{t.noPlans}</Text>}
      {items.length > 0 && (
        <List spacing={4}>
          {items.map((p) => (
            <List.Item key={p.id}>
              <Group gap="xs">
                <AnchorLink to="/collaboration/plans/$id" params={{ id: p.id }}>
                  {t.listItem(t.periodRange(fmt.date(p.periodFrom), fmt.date(p.periodTo)), p.currentVersion)}
                </AnchorLink>
                <Badge variant="light" color={p.status === 'active' ? 'teal' : 'gray'} radius="sm" tt="none">
                  {t.status[p.status] ?? p.status}
                </Badge>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {canCreate && plans.data && !hasActive && (
        <Group>
          <Button onClick={() => void navigate({ to: '/collaboration/plans/new', search: { caseId } })}>{t.createButton}</Button>
        </Group>
      )}
    </Section>
  );
}
