import { Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ja } from '../../i18n/ja';
import { useFormatDate } from '../../lib/dates';
import { householdQueryOptions, personQueryOptions } from '../consultation/api';
import { AnchorLink } from '../consultation/AnchorLink';
import { fullName } from '../consultation/format';
import { consultationQueryOptions } from '../consultation/intake/api';
import type { ReferralSubject } from './api';

const r = ja.referral;

/** 本人/世帯 on the つなぐ form: the names of the person, household and consultation it was opened from. */
export function SubjectSummary({ subject }: { subject: ReferralSubject }) {
  const fmt = useFormatDate();
  const person = useQuery({ ...personQueryOptions(subject.personId ?? ''), enabled: !!subject.personId });
  const household = useQuery({ ...householdQueryOptions(subject.householdId ?? ''), enabled: !!subject.householdId });
  const consultation = useQuery({
    ...consultationQueryOptions(subject.consultationId ?? ''),
    enabled: !!subject.consultationId,
  });
  return (
    <>
      <Group gap="lg">
        {subject.personId && person.data && (
          <Text size="sm">
            {ja.text.labelValue(r.person, '')}
            <AnchorLink to="/consultation/persons/$id" params={{ id: subject.personId }}>
              {fullName(person.data)}
            </AnchorLink>
          </Text>
        )}
        {subject.householdId && household.data && (
          <Text size="sm">
            {ja.text.labelValue(r.household, '')}
            <AnchorLink to="/consultation/households/$id" params={{ id: subject.householdId }}>
              {household.data.label}
            </AnchorLink>
          </Text>
        )}
        {subject.consultationId && consultation.data && (
          <Text size="sm">
            {ja.text.labelValue(r.consultation, '')}
            <AnchorLink to="/consultation/intake/$id" params={{ id: subject.consultationId }}>
              {fmt.date(consultation.data.receivedOn)}
            </AnchorLink>
          </Text>
        )}
      </Group>
      <ErrorAlert error={person.error ?? household.error ?? consultation.error} />
    </>
  );
}
