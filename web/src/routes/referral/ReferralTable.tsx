import { Group, Table, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { ja } from '../../i18n/ja';
import { useFormatDate } from '../../lib/dates';
import { AnchorLink } from '../consultation/AnchorLink';
import type { ReferralBox, ReferralItem } from './api';
import { OverdueBadge, ReferralStatusBadge, UrgencyBadge } from './ReferralBadges';

const r = ja.referral;

/**
 * 受信 or 送信 referrals: 状態, 緊急度, 紹介元 (inbox) or 紹介先 (outbox), 本人/世帯 (the link to the
 * detail; the whole row opens it too), 依頼日, 回答期限 with 期限超過 when no answer came in time.
 */
export function ReferralTable({ box, items }: { box: ReferralBox; items: ReferralItem[] }) {
  const fmt = useFormatDate();
  const navigate = useNavigate();
  const label = box === 'inbox' ? r.tableInbox : r.tableOutbox;
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table aria-label={label} striped highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{r.colStatus}</Table.Th>
            <Table.Th scope="col">{r.colUrgency}</Table.Th>
            <Table.Th scope="col">{box === 'inbox' ? r.colFrom : r.colTo}</Table.Th>
            <Table.Th scope="col">{r.colSubject}</Table.Th>
            <Table.Th scope="col">{r.colRequestedAt}</Table.Th>
            <Table.Th scope="col">{r.colDueBy}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={6}>
                <Text c="dimmed">{r.empty}</Text>
              </Table.Td>
            </Table.Tr>
          )}
          {items.map((item) => (
            <Table.Tr
              key={item.id}
              style={{ cursor: 'pointer' }}
              onClick={(event) => {
                // The link in the row handles its own click (and keyboard); elsewhere the row opens it.
                if ((event.target as HTMLElement).closest('a')) return;
                void navigate({ to: '/referral/$id', params: { id: item.id } });
              }}
            >
              <Table.Td>
                <ReferralStatusBadge status={item.status} />
              </Table.Td>
              <Table.Td>
                <UrgencyBadge urgency={item.urgency} />
              </Table.Td>
              <Table.Td>{box === 'inbox' ? item.fromAgencyName : item.toAgencyName}</Table.Td>
              <Table.Td>
                <AnchorLink to="/referral/$id" params={{ id: item.id }}>
                  {r.subject(item.personName, item.householdLabel) || r.detailHeadingNoSubject}
                </AnchorLink>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{item.requestedAt ? fmt.date(item.requestedAt) : ja.app.none}</Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {item.dueBy ? fmt.date(item.dueBy) : ja.app.none}
                  </Text>
                  {item.overdue && <OverdueBadge days={item.workingDaysWaiting} />}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
