import { Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Notice } from '../../../components/Notice';
import { PageHeader } from '../../../components/PageHeader';
import { RequireRole } from '../../../components/RequireRole';
import { Section } from '../../../components/Section';
import { ja } from '../../../i18n/ja';
import { isApiError } from '../../../lib/api';
import { CONSULTATION_ROLES, type PersonHit } from '../api';
import { AnchorLink } from '../AnchorLink';
import { fullName } from '../format';
import { type ConsultationView, consultationQueryKey, consultationQueryOptions, linkPerson } from './api';
import { ConsentForm, ConsentHistory } from './ConsentSection';
import { IntakeDetails } from './IntakeDetails';
import { PersonSearchPicker } from '../PersonSearchPicker';
import { ButtonLink } from './ButtonLink';

const i = ja.consultation.intake;
const route = getRouteApi('/app/consultation/intake/$id');

/** 相談受付票: what was recorded, 同意 and its history, and 本人を特定 when the person is not known. */
export function IntakePage() {
  return (
    <RequireRole roles={CONSULTATION_ROLES}>
      <IntakeScreen />
    </RequireRole>
  );
}

function IntakeScreen() {
  const { id } = route.useParams();
  const consultation = useQuery(consultationQueryOptions(id));
  return (
    <Stack>
      <AnchorLink to="/consultation" size="sm">
        {i.back}
      </AnchorLink>
      <ErrorAlert error={consultation.error} />
      {consultation.isPending && <Loading />}
      {consultation.data && <IntakeBody key={consultation.data.id} consultation={consultation.data} />}
    </Stack>
  );
}

function IntakeBody({ consultation }: { consultation: ConsultationView }) {
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <PageHeader title={i.heading} />
        {consultation.personId && (
          <ButtonLink to="/referral/new" search={{ personId: consultation.personId, consultationId: consultation.id }} variant="light">
            {ja.referral.referButton}
          </ButtonLink>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {i.readsAudited}
      </Text>
      <AnchorLink to="/consultations/$consultationId/assessment" params={{ consultationId: consultation.id }}>
        {ja.assessment.openFromIntake}
      </AnchorLink>
      <Notice>{notice}</Notice>
      <IntakeDetails consultation={consultation} />
      {consultation.personId === null && <IdentifySection consultation={consultation} onLinked={setNotice} />}
      <ConsentForm consultation={consultation} />
      <ConsentHistory consultation={consultation} />
    </Stack>
  );
}

/** 本人を特定: link a registered person to an anonymous or unidentified consultation. */
function IdentifySection({
  consultation,
  onLinked,
}: {
  consultation: ConsultationView;
  onLinked: (message: string) => void;
}) {
  const queryClient = useQueryClient();
  const link = useMutation({
    mutationFn: (hit: PersonHit) => linkPerson(consultation.id, { personId: hit.id, version: consultation.version }),
    onSuccess: (saved, hit) => {
      queryClient.setQueryData(consultationQueryKey(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['consultations', 'list'] });
      onLinked(i.linked(fullName(hit)));
    },
    onError: async (error) => {
      if (isApiError(error, 'conflict')) await queryClient.invalidateQueries({ queryKey: consultationQueryKey(consultation.id) });
    },
  });
  return (
    <Section title={i.identify}>
      <Text size="sm" c="dimmed">
        {i.identifyHint}
      </Text>
      <ErrorAlert error={link.error} title={isApiError(link.error, 'conflict') ? i.conflictReloaded : undefined} />
      <PersonSearchPicker
        label={i.searchPerson}
        description={i.searchPersonHint}
        actionLabel={i.link}
        pendingId={link.isPending ? link.variables?.id : null}
        onPick={(hit) => link.mutate(hit)}
      />
    </Section>
  );
}
