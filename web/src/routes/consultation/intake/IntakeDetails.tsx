import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ja } from '../../../i18n/ja';
import { agenciesQueryOptions } from '../../../lib/agencies';
import { useFormatDate } from '../../../lib/dates';
import { AnchorLink } from '../AnchorLink';
import type { Consent, ConsultationView } from './api';
import { categoryLabel, consentLabel, personLabel, routeLabel } from './format';

const c = ja.consultation;
const i = c.intake;

const None = () => (
  <Text c="dimmed" size="sm" component="span">
    {c.person.none}
  </Text>
);

const CONSENT_COLORS: Record<string, string> = { given: 'teal', refused: 'red', withdrawn: 'orange', unknown: 'gray' };

export function ConsentBadge({ status }: { status: string }) {
  return (
    <Badge color={CONSENT_COLORS[status] ?? 'gray'} variant="light" radius="sm" tt="none">
      {consentLabel(status)}
    </Badge>
  );
}

/** 同意の範囲（機関） as names: null means every related agency. */
export function useScopeLabel(): (scope: string[] | null) => string {
  const agencies = useQuery(agenciesQueryOptions);
  return (scope) => {
    if (!scope || scope.length === 0) return i.allAgencies;
    const name = (id: string) => agencies.data?.find((a) => a.id === id)?.name ?? id;
    return scope.map(name).join(ja.text.listSeparator);
  };
}

function ConsentSummary({ consent }: { consent: Consent }) {
  const fmt = useFormatDate();
  const scope = useScopeLabel();
  return (
    <Stack gap={4}>
      <Group gap="sm">
        <ConsentBadge status={consent.status} />
        <Text size="sm">{i.consentRecorded(fmt.dateTime(consent.recordedAt), consent.recordedBy)}</Text>
      </Group>
      <Text size="sm">{ja.text.labelValue(i.consentScope, scope(consent.agencyScope))}</Text>
      <Text size="sm">
        {ja.text.labelValue(i.validUntil, consent.validUntil ? fmt.date(consent.validUntil) : i.noLimit)}
      </Text>
    </Stack>
  );
}

/** ◎ first (主訴), then ○ for the other checked items, in form order. */
function Categories({ categories, primary }: { categories: string[]; primary: string | null }) {
  if (categories.length === 0) return <None />;
  const ordered = primary ? [primary, ...categories.filter((code) => code !== primary)] : categories;
  return (
    <Group gap="md">
      {ordered.map((code) => (
        <Text key={code} size="sm" fw={code === primary ? 700 : undefined}>
          {i.markedCategory(code === primary ? i.primaryMark : i.otherMark, categoryLabel(code))}
        </Text>
      ))}
    </Group>
  );
}

/** 相談受付票: every recorded item, one row each (a table read row by row). */
export function IntakeDetails({ consultation: k }: { consultation: ConsultationView }) {
  const fmt = useFormatDate();
  const visitor =
    k.visitor.kind === 'self'
      ? i.visitorSelf
      : [i.visitorOther + (k.visitor.relationship ? ja.text.paren(k.visitor.relationship) : ''), k.visitor.name]
          .filter(Boolean)
          .join(' ');
  const rows: Array<[string, ReactNode]> = [
    [i.receivedOn, fmt.date(k.receivedOn)],
    [i.agency, k.receivingAgencyName],
    [i.receivedBy, k.receivedBy.displayName],
    [i.route, routeLabel(k.route)],
    [i.visitor, visitor],
    [
      i.person,
      k.personId ? (
        <AnchorLink key="p" to="/consultation/persons/$id" params={{ id: k.personId }}>
          {personLabel(k)}
        </AnchorLink>
      ) : (
        personLabel(k)
      ),
    ],
    [i.categories, <Categories key="c" categories={k.categories} primary={k.primaryCategory} />],
    [i.summary, <Text key="s" style={{ whiteSpace: 'pre-wrap' }}>{k.summary}</Text>],
    [i.details, k.details ? <Text key="d" style={{ whiteSpace: 'pre-wrap' }}>{k.details}</Text> : <None key="d" />],
    [i.consent, <ConsentSummary key="g" consent={k.consent} />],
  ];
  return (
    <Table variant="vertical" layout="fixed" withTableBorder>
      <Table.Tbody>
        {rows.map(([label, value]) => (
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
