import { Button, Table, Text } from '@mantine/core';
import { ja } from '../../../i18n/ja';
import { useFormatDate } from '../../../lib/dates';
import type { ProgressNote } from './api';

const p = ja.progress;

/** 経過一覧: oldest first, one row per entry (a row is never split across printed pages). */
export function ProgressTable({ items, onEdit }: { items: ProgressNote[]; onEdit: (note: ProgressNote) => void }) {
  const fmt = useFormatDate();
  if (items.length === 0) return <Text c="dimmed">{p.empty}</Text>;
  return (
    <Table className="progress-table" aria-label={p.table} withTableBorder withColumnBorders verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th className="progress-col-date">{p.colDate}</Table.Th>
          <Table.Th className="progress-col-kind">{p.colKind}</Table.Th>
          <Table.Th>{p.colContent}</Table.Th>
          <Table.Th className="progress-col-author">{p.colAuthor}</Table.Th>
          <Table.Th className="progress-col-next">{p.colNext}</Table.Th>
          <Table.Th className="no-print">{p.colActions}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((n) => (
          <Table.Tr key={n.id} className="progress-row">
            <Table.Td>
              {fmt.date(n.occurredOn)}
              {n.occurredTime ? (
                <>
                  <br />
                  {n.occurredTime}
                </>
              ) : null}
            </Table.Td>
            <Table.Td>{n.kindLabel}</Table.Td>
            <Table.Td>
              <Text fw={700} size="sm">
                {n.subject}
              </Text>
              {n.personName ? (
                <Text size="xs" c="dimmed">
                  {p.about(n.personName)}
                </Text>
              ) : null}
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {n.body}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{n.authorName}</Text>
              <Text size="xs" c="dimmed">
                {n.authorAgencyName}
              </Text>
            </Table.Td>
            <Table.Td>
              {n.nextAction ? <Text size="sm">{n.nextAction}</Text> : null}
              {n.nextActionDue ? <Text size="xs">{p.due(fmt.date(n.nextActionDue))}</Text> : null}
            </Table.Td>
            <Table.Td className="no-print">
              {n.editable ? (
                <Button size="xs" variant="light" onClick={() => onEdit(n)} aria-label={`${p.edit}: ${n.subject}`}>
                  {p.edit}
                </Button>
              ) : null}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
