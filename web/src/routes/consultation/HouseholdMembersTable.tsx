import { Table, Text } from '@mantine/core';
import { ja } from '../../i18n/ja';
import { useFormatDate } from '../../lib/dates';
import type { HouseholdMember } from './api';
import { AnchorLink } from './AnchorLink';
import { fullName, kanaOf, useBirthDate } from './format';

const h = ja.consultation.household;

/** 世帯員 (or 過去の世帯員): one row per membership, with its period. */
export function HouseholdMembersTable({ label, members }: { label: string; members: HouseholdMember[] }) {
  const fmt = useFormatDate();
  const birth = useBirthDate();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table aria-label={label} striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{h.colName}</Table.Th>
            <Table.Th scope="col">{h.colKana}</Table.Th>
            <Table.Th scope="col">{h.colBirthDate}</Table.Th>
            <Table.Th scope="col">{h.colRole}</Table.Th>
            <Table.Th scope="col">{h.colLiving}</Table.Th>
            <Table.Th scope="col">{h.colPeriod}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={6}>
                <Text c="dimmed">{h.noMembers}</Text>
              </Table.Td>
            </Table.Tr>
          )}
          {members.map((m) => (
            <Table.Tr key={`${m.personId}-${m.joinedOn}-${m.leftOn ?? ''}`}>
              <Table.Td>
                <AnchorLink to="/consultation/persons/$id" params={{ id: m.personId }}>
                  {fullName(m)}
                </AnchorLink>
              </Table.Td>
              <Table.Td>{kanaOf(m)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{birth(m.birthDate)}</Table.Td>
              <Table.Td>{h.roles[m.roleInHousehold] ?? m.roleInHousehold}</Table.Td>
              <Table.Td>{m.livingTogether ? h.livingYes : h.livingNo}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {h.period(fmt.date(m.joinedOn), m.leftOn ? fmt.date(m.leftOn) : '')}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
