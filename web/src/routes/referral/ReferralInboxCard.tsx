import { Badge, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Section } from '../../components/Section';
import { ja } from '../../i18n/ja';
import { hasAnyRole, useMe } from '../../lib/me';
import { AnchorLink } from '../consultation/AnchorLink';
import { REFERRAL_ROLES, referralListQueryOptions } from './api';

const r = ja.referral;

/** ホーム: 受け入れ依頼 — open referrals addressed to the user's agencies, and how many are overdue. */
export function ReferralInboxCard() {
  const me = useMe();
  if (!hasAnyRole(me, REFERRAL_ROLES)) return null;
  return <InboxCard />;
}

function InboxCard() {
  const inbox = useQuery(referralListQueryOptions('inbox', 'open'));
  const items = inbox.data?.items ?? [];
  const overdue = items.filter((i) => i.overdue).length;
  return (
    <Section title={r.homeCard}>
      <ErrorAlert error={inbox.error} />
      {inbox.isPending && <Loading />}
      {inbox.data && (
        <Stack gap="xs">
          <Group gap="sm">
            <Text fw={700}>{r.homeOpen(items.length)}</Text>
            {overdue > 0 && (
              <Badge color="red" variant="filled" radius="sm" tt="none">
                {r.homeOverdue(overdue)}
              </Badge>
            )}
          </Group>
          <AnchorLink to="/referral" search={{ box: 'inbox', status: 'open' }} size="sm">
            {r.homeOpenList}
          </AnchorLink>
        </Stack>
      )}
    </Section>
  );
}
