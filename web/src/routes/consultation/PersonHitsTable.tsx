import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ja } from '../../i18n/ja';
import type { PersonHit } from './api';
import { AnchorLink } from './AnchorLink';
import { fullName, kanaOf, useBirthDate } from './format';

const c = ja.consultation;

/** Persons found by 本人検索. Each name opens the person; `action` adds a last column (e.g. 追加). */
export function PersonHitsTable({
  label,
  hits,
  action,
}: {
  label: string;
  hits: PersonHit[];
  action?: (hit: PersonHit) => ReactNode;
}) {
  const birth = useBirthDate();
  const columns = action ? 6 : 5;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table aria-label={label} striped highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{c.colName}</Table.Th>
            <Table.Th scope="col">{c.colKana}</Table.Th>
            <Table.Th scope="col">{c.colBirthDate}</Table.Th>
            <Table.Th scope="col">{c.colSex}</Table.Th>
            <Table.Th scope="col">{c.colAddress}</Table.Th>
            {action && <Table.Th scope="col">{c.colActions}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {hits.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={columns}>
                <Text c="dimmed">{c.noResults}</Text>
              </Table.Td>
            </Table.Tr>
          )}
          {hits.map((hit) => (
            <Table.Tr key={hit.id}>
              <Table.Td>
                <AnchorLink to="/consultation/persons/$id" params={{ id: hit.id }}>
                  {fullName(hit)}
                </AnchorLink>
              </Table.Td>
              <Table.Td>{kanaOf(hit)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{birth(hit.birthDate)}</Table.Td>
              <Table.Td>{c.sex[hit.sex] ?? hit.sex}</Table.Td>
              <Table.Td>{hit.address ?? ''}</Table.Td>
              {action && <Table.Td>{action(hit)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
