import { Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Section } from '../../../components/Section';
import { ja } from '../../../i18n/ja';
import { useFormatDate } from '../../../lib/dates';
import { AnchorLink } from '../AnchorLink';
import { type ConsultationItem, consultationListQueryOptions } from './api';
import { categoryLabel, personLabel } from './format';
import { ConsentBadge } from './IntakeDetails';

const i = ja.consultation.intake;

/** Consultations, newest first; each 受付日 opens the 相談受付票. */
export function ConsultationsTable({ label, items, empty }: { label: string; items: ConsultationItem[]; empty: string }) {
  const fmt = useFormatDate();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table aria-label={label} striped highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{i.colReceivedOn}</Table.Th>
            <Table.Th scope="col">{i.colPerson}</Table.Th>
            <Table.Th scope="col">{i.colMainConcern}</Table.Th>
            <Table.Th scope="col">{i.colSummary}</Table.Th>
            <Table.Th scope="col">{i.colConsent}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={5}>
                <Text c="dimmed">{empty}</Text>
              </Table.Td>
            </Table.Tr>
          )}
          {items.map((k) => (
            <Table.Tr key={k.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <AnchorLink to="/consultation/intake/$id" params={{ id: k.id }}>
                  {fmt.date(k.receivedOn)}
                </AnchorLink>
              </Table.Td>
              <Table.Td>
                {k.personId ? (
                  <AnchorLink to="/consultation/persons/$id" params={{ id: k.personId }}>
                    {personLabel(k)}
                  </AnchorLink>
                ) : (
                  personLabel(k)
                )}
              </Table.Td>
              <Table.Td>{k.primaryCategory ? categoryLabel(k.primaryCategory) : ''}</Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2}>
                  {k.summary}
                </Text>
              </Table.Td>
              <Table.Td>
                <ConsentBadge status={k.consentStatus} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A titled list of consultations: 受付した相談 (recent, own agencies) or 相談履歴 (one person). */
export function ConsultationListSection({
  title,
  empty,
  personId,
  limit,
}: {
  title: string;
  empty: string;
  personId?: string;
  limit?: number;
}) {
  const list = useQuery(consultationListQueryOptions({ personId, limit }));
  return (
    <Section title={title}>
      <ErrorAlert error={list.error} />
      {list.isPending && <Loading />}
      {list.data && <ConsultationsTable label={title} items={list.data} empty={empty} />}
    </Section>
  );
}
