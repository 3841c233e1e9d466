import { Table } from '@mantine/core';

/** A character a Shift_JIS export could not carry (it became 〓), where it was. */
export interface UnencodableItem {
  char: string;
  codePoint: string;
  row: number;
  column: string;
}

export interface UnencodableLabels {
  sjisTable: string;
  colChar: string;
  colCodePoint: string;
  colRow: string;
  colColumn: string;
}

/** The list shown before or after a Shift_JIS download, so the worker can choose UTF-8 instead. */
export function UnencodableTable({ items, labels }: { items: readonly UnencodableItem[]; labels: UnencodableLabels }) {
  return (
    <Table aria-label={labels.sjisTable} withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{labels.colChar}</Table.Th>
          <Table.Th>{labels.colCodePoint}</Table.Th>
          <Table.Th>{labels.colRow}</Table.Th>
          <Table.Th>{labels.colColumn}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((u) => (
          <Table.Tr key={`${u.row}-${u.column}-${u.codePoint}`}>
            <Table.Td>{u.char}</Table.Td>
            <Table.Td>{u.codePoint}</Table.Td>
            <Table.Td>{u.row}</Table.Td>
            <Table.Td>{u.column}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
