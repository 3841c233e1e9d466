import { Alert, Group, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ja } from '../../i18n/ja';
import { useFormatDate } from '../../lib/dates';
import { AnchorLink } from '../consultation/AnchorLink';
import type { ReferralView } from './api';
import { OverdueBadge, ReferralStatusBadge, UrgencyBadge } from './ReferralBadges';

const r = ja.referral;

const None = () => (
  <Text c="dimmed" size="sm" component="span">
    {ja.app.none}
  </Text>
);

/** 根拠: 本人同意 #id, the legal basis by name, or 同意なしでの送付（理由: …） highlighted. */
function BasisCell({ referral }: { referral: ReferralView }) {
  const fmt = useFormatDate();
  const override = referral.consentOverride;
  if (override) {
    return (
      <Alert color="orange" variant="light" p="xs">
        <Text size="sm" fw={700}>
          {r.basisOverride(override.reason)}
        </Text>
        <Text size="xs" c="dimmed">
          {r.overrideBy(override.by, fmt.dateTime(override.at))}
        </Text>
      </Alert>
    );
  }
  if (referral.basis === 'legal') {
    const code = referral.legalBasis;
    return <>{code ? (r.legalBases[code] ?? referral.legalBasisLabel ?? code) : r.basisLabels.legal}</>;
  }
  return <>{referral.consentId ? r.basisConsent(referral.consentId) : r.basisLabels.consent}</>;
}

/** Every field of a referral, one row each, in Japanese. */
export function ReferralDetails({ referral: x }: { referral: ReferralView }) {
  const fmt = useFormatDate();
  const closedWithOutcome = x.status === 'completed' || x.status === 'failed';
  const rows: Array<[string, ReactNode] | false> = [
    [r.colStatus, <ReferralStatusBadge key="s" status={x.status} />],
    [r.urgencyLabel, <UrgencyBadge key="u" urgency={x.urgency} />],
    [r.sideLabel, r.side[x.side] ?? x.side],
    [r.from, x.fromAgencyName],
    [r.to, x.toAgencyName],
    [r.createdBy, x.createdBy],
    [
      r.person,
      x.personId && x.personName ? (
        <AnchorLink key="p" to="/consultation/persons/$id" params={{ id: x.personId }}>
          {x.personName}
        </AnchorLink>
      ) : (
        (x.personName ?? <None key="p" />)
      ),
    ],
    [
      r.household,
      x.householdId && x.householdLabel ? (
        <AnchorLink key="h" to="/consultation/households/$id" params={{ id: x.householdId }}>
          {x.householdLabel}
        </AnchorLink>
      ) : (
        (x.householdLabel ?? <None key="h" />)
      ),
    ],
    !!x.caseId && [
      r.case,
      <Group key="c" gap="md">
        <AnchorLink to="/consultation/cases/$id" params={{ id: x.caseId }}>
          {r.openCase}
        </AnchorLink>
        <AnchorLink to="/consultation/cases/$id/progress" params={{ id: x.caseId }}>
          {ja.progress.link}
        </AnchorLink>
      </Group>,
    ],
    !!x.consultationId && [
      r.consultation,
      <AnchorLink key="k" to="/consultation/intake/$id" params={{ id: x.consultationId }}>
        {r.openConsultation}
      </AnchorLink>,
    ],
    [r.reason, <Text key="r" size="sm" style={{ whiteSpace: 'pre-wrap' }}>{x.reason}</Text>],
    [r.basis, <BasisCell key="b" referral={x} />],
    [r.requestedAt, x.requestedAt ? fmt.dateTime(x.requestedAt) : <None key="q" />],
    [
      r.dueBy,
      x.dueBy ? (
        <Group key="d" gap={6}>
          <Text size="sm">{fmt.date(x.dueBy)}</Text>
          {x.overdue && <OverdueBadge days={x.workingDaysWaiting} />}
        </Group>
      ) : (
        <None key="d" />
      ),
    ],
    [r.respondedAt, x.respondedAt ? fmt.dateTime(x.respondedAt) : <None key="a" />],
    !!x.rejectReason && [r.rejectReason, r.rejectReasons[x.rejectReason ?? ''] ?? x.rejectReason],
    closedWithOutcome && [
      r.outcomeNote,
      x.outcomeNote ? (
        <Text key="o" size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {x.outcomeNote}
        </Text>
      ) : (
        <None key="o" />
      ),
    ],
    x.needMet !== null && [r.needMet, x.needMet ? r.needMetYes : r.needMetNo],
  ];
  return (
    <Table variant="vertical" layout="fixed" withTableBorder aria-label={r.details}>
      <Table.Tbody>
        {rows
          .filter((row): row is [string, ReactNode] => !!row)
          .map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" w={180}>
                {label}
              </Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
      </Table.Tbody>
    </Table>
  );
}
