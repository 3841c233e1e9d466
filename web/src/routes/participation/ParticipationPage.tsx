import { Stack } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';
import { ja } from '../../i18n/ja';
import { hasAnyRole, useMe } from '../../lib/me';
import { PARTICIPATION_ROLES } from './api';
import { HostPipelineSection } from './HostPipelineSection';
import { KpiSection } from './KpiSection';
import { NeedsSection } from './NeedsSection';

const t = ja.participation;

/** 参加支援: my or my agency's needs, the 協力事業者 pipeline, and the 指標 (for aggregate readers). */
export function ParticipationPage() {
  const me = useMe();
  const staff = hasAnyRole(me, PARTICIPATION_ROLES);
  return (
    <Stack>
      <PageHeader title={t.heading} description={t.description} />
      {staff && <NeedsSection />}
      {staff && <HostPipelineSection />}
      <KpiSection />
    </Stack>
  );
}
