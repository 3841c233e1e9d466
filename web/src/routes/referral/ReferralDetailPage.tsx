import { Button, Group, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { RequireRole } from '../../components/RequireRole';
import { Section } from '../../components/Section';
import { ja } from '../../i18n/ja';
import { AnchorLink } from '../consultation/AnchorLink';
import { REFERRAL_ROLES, type ReferralView, referralQueryOptions, referralSaved } from './api';
import { ReferralActions } from './ReferralActions';
import { ReferralAttachments } from './ReferralAttachments';
import { ReferralStatusBadge } from './ReferralBadges';
import { ReferralDetails } from './ReferralDetails';
import { ReferralDraftEditor } from './ReferralDraftEditor';
import { ReferralHistory } from './ReferralHistory';

const r = ja.referral;
const route = getRouteApi('/app/referral/$id');

/** つなぐ: one referral with its 根拠, shared records, 経過 and the actions allowed now. */
export function ReferralDetailPage() {
  return (
    <RequireRole roles={REFERRAL_ROLES}>
      <ReferralScreen />
    </RequireRole>
  );
}

function ReferralScreen() {
  const { id } = route.useParams();
  const referral = useQuery(referralQueryOptions(id));
  return (
    <Stack>
      <AnchorLink to="/referral" search={{ box: referral.data?.side === 'sender' ? 'outbox' : 'inbox' }} size="sm">
        {r.back}
      </AnchorLink>
      <ErrorAlert error={referral.error} />
      {referral.isPending && <Loading />}
      {referral.data && <ReferralBody key={referral.data.id} referral={referral.data} />}
    </Stack>
  );
}

function ReferralBody({ referral }: { referral: ReferralView }) {
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const subject = r.subject(referral.personName, referral.householdLabel);
  const canEdit = referral.allowedActions.includes('edit');
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Group gap="sm" align="center">
          <PageHeader title={subject ? r.detailHeading(subject) : r.detailHeadingNoSubject} />
          <ReferralStatusBadge status={referral.status} />
        </Group>
        {canEdit && !editing && (
          <Button
            variant="default"
            onClick={() => {
              setNotice(null);
              setEditing(true);
            }}
          >
            {r.actionLabels.edit}
          </Button>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {r.readsAudited}
      </Text>
      <Notice>{notice}</Notice>
      {editing && canEdit ? (
        <ReferralDraftEditor
          referral={referral}
          onSaved={(saved, sent) => {
            referralSaved(queryClient, saved);
            setEditing(false);
            setNotice(sent ? (r.actionDone.send ?? '') : r.draftSaved);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          <ReferralActions referral={referral} onDone={setNotice} />
          <ReferralDetails referral={referral} />
          <Section title={r.attachments}>
            <ReferralAttachments referral={referral} />
          </Section>
          <Section title={r.history}>
            <ReferralHistory referral={referral} />
          </Section>
        </>
      )}
    </Stack>
  );
}
