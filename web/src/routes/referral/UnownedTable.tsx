import { Badge, Group, Table, Text } from '@mantine/core';
import { ja } from '../../i18n/ja';
import { useFormatDate } from '../../lib/dates';
import { AnchorLink } from '../consultation/AnchorLink';
import type { UnownedItem, UnownedReason } from './api';

const u = ja.referral.unowned;

const REASON_COLORS: Record<UnownedReason, string> = { no_owner: 'red', no_next_step: 'orange', no_contact: 'yellow' };

function ReasonBadge({ reason, days }: { reason: UnownedReason; days: number | null }) {
  return (
    <Badge color={REASON_COLORS[reason]} variant="light" radius="sm" tt="none">
      {reason === 'no_contact' ? u.noContact(days) : (u.reasons[reason] ?? reason)}
    </Badge>
  );
}

/** Consultations nobody carries: 主担当なし / 次の予定なし / N日連絡なし, with links to the 相談受付票 and 世帯. */
export function UnownedTable({ items }: { items: UnownedItem[] }) {
  const fmt = useFormatDate();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table aria-label={u.table} striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{u.colReceivedOn}</Table.Th>
            <Table.Th scope="col">{u.colAgency}</Table.Th>
            <Table.Th scope="col">{u.colPerson}</Table.Th>
            <Table.Th scope="col">{u.colHousehold}</Table.Th>
            <Table.Th scope="col">{u.colSummary}</Table.Th>
            <Table.Th scope="col">{u.colReasons}</Table.Th>
            <Table.Th scope="col">{u.colLastContact}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={7}>
                <Text c="dimmed">{u.empty}</Text>
              </Table.Td>
            </Table.Tr>
          )}
          {items.map((item) => (
            <Table.Tr key={item.consultationId}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <AnchorLink to="/consultation/intake/$id" params={{ id: item.consultationId }}>
                  {fmt.date(item.receivedOn)}
                </AnchorLink>
              </Table.Td>
              <Table.Td>{item.agencyName}</Table.Td>
              <Table.Td>{item.personName ?? u.personUnknown}</Table.Td>
              <Table.Td>
                {item.householdId ? (
                  <AnchorLink to="/consultation/households/$id" params={{ id: item.householdId }}>
                    {item.householdLabel ?? item.householdId}
                  </AnchorLink>
                ) : (
                  ja.app.none
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2}>
                  {item.summary}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {item.reasons.map((reason) => (
                    <ReasonBadge key={reason} reason={reason} days={item.daysSinceContact} />
                  ))}
                </Group>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{item.lastContactOn ? fmt.date(item.lastContactOn) : ja.app.none}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
