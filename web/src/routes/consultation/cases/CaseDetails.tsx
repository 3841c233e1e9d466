import { Table, Text } from '@mantine/core';
import { ja } from '../../../i18n/ja';
import { useFormatDate } from '../../../lib/dates';
import { Section } from '../../../components/Section';
import type { CaseView } from './api';
import { CaseStatusBadge } from './CaseStatusBadge';

const k = ja.consultation.cases;

/** 状態, 主担当 (prominent), 開始日, 開始者; when closed also 終結日 and 終結の理由. */
export function CaseDetails({ kase }: { kase: CaseView }) {
  const fmt = useFormatDate();
  return (
    <Table variant="vertical" layout="fixed" withTableBorder>
      <Table.Tbody>
        <Table.Tr>
          <Table.Th scope="row" w={180}>
            {k.statusLabel}
          </Table.Th>
          <Table.Td>
            <CaseStatusBadge status={kase.status} />
          </Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th scope="row">{k.lead}</Table.Th>
          <Table.Td>
            <Text fw={700} size="lg">
              {kase.leadAgencyName}
            </Text>
          </Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th scope="row">{k.openedOn}</Table.Th>
          <Table.Td>{fmt.date(kase.openedOn)}</Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th scope="row">{k.openedBy}</Table.Th>
          <Table.Td>{kase.openedBy}</Table.Td>
        </Table.Tr>
        {kase.status === 'closed' && (
          <>
            <Table.Tr>
              <Table.Th scope="row">{k.closedOn}</Table.Th>
              <Table.Td>{kase.closedOn ? fmt.date(kase.closedOn) : ''}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{k.closeReason}</Table.Th>
              <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{kase.closeReason ?? ''}</Table.Td>
            </Table.Tr>
          </>
        )}
      </Table.Tbody>
    </Table>
  );
}

/** 主担当の履歴: every lead agency with its period, in the order the server gives them. */
export function LeadHistory({ kase }: { kase: CaseView }) {
  const fmt = useFormatDate();
  // The last lead of a closed case held it until 終結日, not 現在.
  const periodEnd = (to: string | null) => {
    const end = to ?? kase.closedOn;
    return end ? fmt.date(end) : k.current;
  };
  return (
    <Section title={k.leadHistory}>
      <Table.ScrollContainer minWidth={480}>
        <Table aria-label={k.leadHistory} striped verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{k.colAgency}</Table.Th>
              <Table.Th scope="col">{k.colPeriod}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {kase.leadHistory.map((period) => (
              <Table.Tr key={`${period.agencyId}-${period.from}`}>
                <Table.Td>{period.agencyName}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {k.period(fmt.date(period.from), periodEnd(period.to))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}
