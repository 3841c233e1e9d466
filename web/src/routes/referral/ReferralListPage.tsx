import { Group, SegmentedControl, Stack, Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { RequireRole } from '../../components/RequireRole';
import { ja } from '../../i18n/ja';
import { ButtonLink } from '../consultation/intake/ButtonLink';
import { REFERRAL_ROLES, type ReferralBox, type ReferralFilter, referralListQueryOptions } from './api';
import { ReferralTable } from './ReferralTable';

const r = ja.referral;
const route = getRouteApi('/app/referral');
const FILTERS: ReferralFilter[] = ['open', 'closed', 'all'];

/** つなぐ（紹介）: 受信（受け入れ依頼） and 送信, filtered by 対応が必要 / 終了 / すべて (kept in the URL). */
export function ReferralListPage() {
  return (
    <RequireRole roles={REFERRAL_ROLES}>
      <ReferralListScreen />
    </RequireRole>
  );
}

function ReferralListScreen() {
  const search = route.useSearch();
  const navigate = useNavigate();
  const box: ReferralBox = search.box ?? 'inbox';
  const status: ReferralFilter = search.status ?? 'open';
  const list = useQuery(referralListQueryOptions(box, status));
  const go = (next: { box?: ReferralBox; status?: ReferralFilter }) =>
    void navigate({ to: '/referral', search: { box, status, ...next }, replace: true });

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <PageHeader title={r.heading} description={r.intro} />
        <Group gap="xs">
          <ButtonLink to="/referral/unowned" variant="default">
            {r.unownedLink}
          </ButtonLink>
          <ButtonLink to="/referral/new">{r.newReferral}</ButtonLink>
        </Group>
      </Group>
      <Tabs value={box} onChange={(v) => go({ box: v === 'outbox' ? 'outbox' : 'inbox' })}>
        <Tabs.List>
          <Tabs.Tab value="inbox">{r.tabInbox}</Tabs.Tab>
          <Tabs.Tab value="outbox">{r.tabOutbox}</Tabs.Tab>
        </Tabs.List>
        {/* The list below is the selected tab's panel (its aria-controls must name an element). */}
        <Tabs.Panel value={box} pt="md">
          <Stack>
            <Group gap="sm" align="center">
              <Text size="sm" id="referral-status-filter">
                {r.statusFilter}
              </Text>
              <SegmentedControl
                aria-labelledby="referral-status-filter"
                value={status}
                onChange={(v) => go({ status: FILTERS.find((f) => f === v) ?? 'open' })}
                data={FILTERS.map((f) => ({ value: f, label: r.filters[f] ?? f }))}
              />
            </Group>
            <ErrorAlert error={list.error} />
            {list.isPending && <Loading />}
            {list.data && (
              <>
                <ReferralTable box={box} items={list.data.items} />
                <Text size="xs" c="dimmed">
                  {r.alertNote(list.data.alertWorkingDays)}
                </Text>
              </>
            )}
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
