import { Badge, Group, Table, Text } from '@mantine/core';
import { ja } from '../../../i18n/ja';
import { useFormatDate } from '../../../lib/dates';
import { AnchorLink } from '../AnchorLink';
import type { CaseItem } from './api';
import { CaseStatusBadge } from './CaseStatusBadge';

const k = ja.consultation.cases;

/**
 * Cases as a table. `household`: one household's cases (開始日, 状態, 主担当, 終結日);
 * `lead`: the cases the user's agencies lead (世帯, 開始日, 状態). The first cell opens the case.
 */
export function CasesTable({
  label,
  items,
  empty,
  variant,
}: {
  label: string;
  items: CaseItem[];
  empty: string;
  variant: 'household' | 'lead';
}) {
  const fmt = useFormatDate();
  const household = variant === 'household';
  const columns = household ? 4 : 3;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table aria-label={label} striped highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            {!household && <Table.Th scope="col">{k.colHousehold}</Table.Th>}
            <Table.Th scope="col">{k.colOpenedOn}</Table.Th>
            <Table.Th scope="col">{k.colStatus}</Table.Th>
            {household && <Table.Th scope="col">{k.colLead}</Table.Th>}
            {household && <Table.Th scope="col">{k.colClosedOn}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={columns}>
                <Text c="dimmed">{empty}</Text>
              </Table.Td>
            </Table.Tr>
          )}
          {items.map((item) => {
            const link = (text: string) => (
              <AnchorLink to="/consultation/cases/$id" params={{ id: item.id }}>
                {text}
              </AnchorLink>
            );
            return (
              <Table.Tr key={item.id}>
                {!household && <Table.Td>{link(item.householdLabel)}</Table.Td>}
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {household ? link(fmt.date(item.openedOn)) : fmt.date(item.openedOn)}
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <CaseStatusBadge status={item.status} />
                    {item.pendingTransfer && (
                      <Badge color="orange" variant="light" radius="sm" tt="none">
                        {k.transferBadge}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                {household && <Table.Td>{item.leadAgencyName}</Table.Td>}
                {household && (
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{item.closedOn ? fmt.date(item.closedOn) : ''}</Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
