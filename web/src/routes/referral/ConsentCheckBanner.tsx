import { Alert, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ja } from '../../i18n/ja';
import { useFormatDate } from '../../lib/dates';
import { consentCheckQueryOptions, type ReferralSubject } from './api';

const r = ja.referral;

/** Before sending on 本人同意: green 同意あり（…まで） or orange 有効な同意がありません for the chosen 紹介先. */
export function ConsentCheckBanner({ subject, toAgencyId }: { subject: ReferralSubject; toAgencyId: string }) {
  const fmt = useFormatDate();
  const check = useQuery(consentCheckQueryOptions(subject, toAgencyId));
  if (!toAgencyId) return null;
  if (check.error) return <ErrorAlert error={check.error} />;
  if (check.isPending) {
    return (
      <Text size="sm" c="dimmed" role="status">
        {r.consentChecking}
      </Text>
    );
  }
  const consent = check.data.consent;
  if (consent) {
    return (
      <Alert color="teal" variant="light" role="status" title={r.consentOk(consent.validUntil ? fmt.date(consent.validUntil) : null)}>
        <Text size="sm">{r.consentOkDetail(consent.consentId)}</Text>
      </Alert>
    );
  }
  return (
    <Alert color="orange" variant="light" role="status" title={r.consentMissing}>
      <Text size="sm">{r.consentMissingDetail}</Text>
    </Alert>
  );
}
