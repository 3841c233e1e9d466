import { Alert, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { PageHeader } from '../../components/PageHeader';
import { RequireRole } from '../../components/RequireRole';
import { ja } from '../../i18n/ja';
import { AnchorLink } from '../consultation/AnchorLink';
import { createReferral, REFERRAL_ROLES, type ReferralSubject, referralSaved } from './api';
import { ReferralForm } from './ReferralForm';
import { SubjectSummary } from './SubjectSummary';

const r = ja.referral;
const route = getRouteApi('/app/referral/new');

/** つなぐ（新規）: opened from a person, household or consultation (?personId=&householdId=&consultationId=). */
export function ReferralNewPage() {
  return (
    <RequireRole roles={REFERRAL_ROLES}>
      <ReferralNewScreen />
    </RequireRole>
  );
}

function ReferralNewScreen() {
  const search = route.useSearch();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const subject: ReferralSubject = {
    personId: search.personId,
    householdId: search.householdId,
    consultationId: search.consultationId,
  };
  const hasSubject = !!(subject.personId || subject.householdId || subject.consultationId);
  return (
    <Stack>
      <AnchorLink to="/referral" size="sm">
        {r.back}
      </AnchorLink>
      <PageHeader title={r.newHeading} />
      {hasSubject ? (
        <ReferralForm
          subject={subject}
          subjectLabel={<SubjectSummary subject={subject} />}
          saveLabel={r.saveDraft}
          save={(input, send) => createReferral({ ...input, send })}
          onSaved={(saved) => {
            referralSaved(queryClient, saved);
            void navigate({ to: '/referral/$id', params: { id: saved.id } });
          }}
        />
      ) : (
        <Alert color="yellow" role="alert">
          {r.noSubject}
        </Alert>
      )}
    </Stack>
  );
}
