import { Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Notice } from '../../../components/Notice';
import { PageHeader } from '../../../components/PageHeader';
import { RequireRole } from '../../../components/RequireRole';
import { ja } from '../../../i18n/ja';
import { useMe } from '../../../lib/me';
import { CasePlansSection } from '../../collaboration/plans/CasePlansSection';
import { CaseCoordinationSection } from '../../collaboration/team/CaseCoordinationSection';
import { CaseTeamSection } from '../../collaboration/team/CaseTeamSection';
import { CONSULTATION_ROLES } from '../api';
import { AnchorLink } from '../AnchorLink';
import { type CaseView, caseQueryOptions } from './api';
import { CaseCloseSection, CaseReopenSection } from './CaseCloseSection';
import { CaseDetails, LeadHistory } from './CaseDetails';
import { CaseStatusBadge } from './CaseStatusBadge';
import { CaseTimeline } from './CaseTimeline';
import { PendingTransferBox, TransferRequestSection } from './CaseTransferSection';

const k = ja.consultation.cases;
const route = getRouteApi('/app/consultation/cases/$id');

/** ケース: 主担当 and its history, 主担当の変更を依頼, 終結 / 再開. Actions are for the lead agency only. */
export function CasePage() {
  return (
    <RequireRole roles={CONSULTATION_ROLES}>
      <CaseScreen />
    </RequireRole>
  );
}

function CaseScreen() {
  const { id } = route.useParams();
  const kase = useQuery(caseQueryOptions(id));
  return (
    <Stack>
      {kase.data ? (
        <AnchorLink to="/consultation/households/$id" params={{ id: kase.data.householdId }} size="sm">
          {k.back}
        </AnchorLink>
      ) : (
        <AnchorLink to="/consultation" size="sm">
          {k.backToConsultation}
        </AnchorLink>
      )}
      <ErrorAlert error={kase.error} />
      {kase.isPending && <Loading />}
      {kase.data && <CaseBody key={kase.data.id} kase={kase.data} />}
    </Stack>
  );
}

function CaseBody({ kase }: { kase: CaseView }) {
  const me = useMe();
  const [notice, setNotice] = useState<string | null>(null);
  const isLead = me.agencies.some((a) => a.id === kase.leadAgencyId);
  const isReceiver = !!kase.pendingTransfer && me.agencies.some((a) => a.id === kase.pendingTransfer?.toAgencyId);
  const open = kase.status === 'open';
  return (
    <Stack>
      <Group gap="sm" align="center">
        <PageHeader title={k.heading(kase.householdLabel)} />
        <CaseStatusBadge status={kase.status} />
      </Group>
      <Text size="xs" c="dimmed">
        {k.readsAudited}
      </Text>
      <Notice>{notice}</Notice>
      <CaseDetails kase={kase} />
      <Group>
        <AnchorLink to="/consultation/cases/$id/progress" params={{ id: kase.id }}>
          {ja.progress.link}
        </AnchorLink>
      </Group>
      {kase.pendingTransfer && (
        <PendingTransferBox
          kase={kase}
          transfer={kase.pendingTransfer}
          canCancel={isLead}
          isReceiver={isReceiver}
          onDone={setNotice}
        />
      )}
      <CaseTeamSection kase={kase} />
      <CaseCoordinationSection kase={kase} />
      <CasePlansSection caseId={kase.id} canCreate={open} />
      <CaseTimeline caseId={kase.id} />
      <LeadHistory kase={kase} />
      {isLead && open && !kase.pendingTransfer && <TransferRequestSection kase={kase} onDone={setNotice} />}
      {isLead && open && <CaseCloseSection kase={kase} onDone={setNotice} />}
      {isLead && !open && <CaseReopenSection kase={kase} onDone={setNotice} />}
    </Stack>
  );
}
