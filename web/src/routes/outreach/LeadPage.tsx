import { Group, List, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { RequireRole } from '../../components/RequireRole';
import { Section } from '../../components/Section';
import { ja } from '../../i18n/ja';
import { useFormatDate } from '../../lib/dates';
import { AnchorLink } from '../consultation/AnchorLink';
import { type LeadView, leadQueryOptions, OUTREACH_ROLES } from './api';
import { AttemptsSection } from './AttemptsSection';
import { LeadStatusBadge, UrgencyBadge } from './Badges';
import { CaseCadenceSection, LeadCadenceSection } from './CadenceSection';
import { CloseSection } from './CloseSection';
import { ConsentSection } from './ConsentSection';
import { IdentifySection } from './IdentifySection';
import { LeadDetails } from './LeadDetails';
import { StageSection } from './StageSection';

const o = ja.outreach;
const route = getRouteApi('/app/outreach/leads/$id');

/** アウトリーチ対象: who and where, 訪問記録, 信頼関係の段階, 連絡の間隔, 同意→相談・ケース, 終了. */
export function LeadPage() {
  return (
    <RequireRole roles={OUTREACH_ROLES}>
      <LeadScreen />
    </RequireRole>
  );
}

function LeadScreen() {
  const { id } = route.useParams();
  const lead = useQuery(leadQueryOptions(id));
  return (
    <Stack>
      <AnchorLink to="/outreach" size="sm">
        {o.back}
      </AnchorLink>
      <ErrorAlert error={lead.error} />
      {lead.isPending && <Loading />}
      {lead.data && <LeadBody lead={lead.data} />}
    </Stack>
  );
}

function LeadBody({ lead }: { lead: LeadView }) {
  const fmt = useFormatDate();
  const [notice, setNotice] = useState<string | null>(null);
  const active = lead.status === 'open' || lead.status === 'in_contact';
  const editable = lead.canEdit && active;
  return (
    <Stack>
      <Group gap="sm" align="center">
        <PageHeader title={o.leadHeading(lead.personName ?? lead.personDescription)} />
        <LeadStatusBadge status={lead.status} />
        <UrgencyBadge urgency={lead.urgency} />
      </Group>
      <Text size="xs" c="dimmed">
        {o.readsAudited}
      </Text>
      <Notice>{notice}</Notice>
      {lead.status === 'closed' && lead.closedOn && <Text>{o.closed(fmt.date(lead.closedOn), o.closeReasons[lead.closeReason ?? ''] ?? '')}</Text>}
      {lead.status === 'consented' && (
        <Section title={o.movedTo}>
          <Group>
            {lead.caseId && (
              <AnchorLink to="/consultation/cases/$id" params={{ id: lead.caseId }}>
                {o.openCase}
              </AnchorLink>
            )}
            {lead.consultationId && (
              <AnchorLink to="/consultation/intake/$id" params={{ id: lead.consultationId }}>
                {o.openConsultation}
              </AnchorLink>
            )}
          </Group>
        </Section>
      )}
      <LeadDetails lead={lead} editable={editable} onSaved={setNotice} />
      {lead.report && (
        <Section title={o.reportSection}>
          <Text size="sm">{ja.text.labelValue(o.reportedBy, lead.report.reporterName)}</Text>
          <Text size="sm">{ja.text.labelValue(o.reportedAt, fmt.dateTime(lead.report.reportedAt))}</Text>
          <List size="sm" aria-label={o.noticed}>
            {lead.report.noticed.map((n) => (
              <List.Item key={n}>{o.volunteer.chips[n] ?? n}</List.Item>
            ))}
          </List>
          {lead.report.note && <Text size="sm">{lead.report.note}</Text>}
        </Section>
      )}
      {editable && <IdentifySection lead={lead} onSaved={setNotice} />}
      <AttemptsSection lead={lead} editable={editable} onSaved={setNotice} />
      <StageSection lead={lead} editable={editable} onSaved={setNotice} />
      {(active || lead.cadence) && <LeadCadenceSection lead={lead} editable={editable} onSaved={setNotice} />}
      {lead.status === 'consented' && lead.caseId && <CaseCadenceSection caseId={lead.caseId} onSaved={setNotice} />}
      {editable && <ConsentSection lead={lead} onSaved={setNotice} />}
      {lead.canEdit && (active || lead.status === 'closed') && <CloseSection lead={lead} onSaved={setNotice} />}
    </Stack>
  );
}
