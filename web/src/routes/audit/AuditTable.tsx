import { Badge, Code, Table, Text } from '@mantine/core';
import { ja } from '../../i18n/ja';
import { useFormatDate } from '../../lib/dates';
import type { AuditEvent } from './api';

const t = ja.audit;
const outcomeColor = { success: 'teal', failure: 'orange', denied: 'red' } as const;

export function AuditTable({ items }: { items: AuditEvent[] }) {
  const fmt = useFormatDate();
  const none = ja.app.none;
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table aria-label={t.table} striped verticalSpacing="xs" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t.colOccurredAt}</Table.Th>
            <Table.Th scope="col">{t.colActor}</Table.Th>
            <Table.Th scope="col">{t.colAction}</Table.Th>
            <Table.Th scope="col">{t.colOutcome}</Table.Th>
            <Table.Th scope="col">{t.colTarget}</Table.Th>
            <Table.Th scope="col">{t.colBasis}</Table.Th>
            <Table.Th scope="col">{t.colClient}</Table.Th>
            <Table.Th scope="col">{t.colRequestId}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={8}>
                <Text c="dimmed">{t.empty}</Text>
              </Table.Td>
            </Table.Tr>
          )}
          {items.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <time dateTime={e.occurredAt} title={e.occurredAt}>
                  {fmt.dateTime(e.occurredAt)}
                </time>
              </Table.Td>
              <Table.Td>{e.actorLogin ?? none}</Table.Td>
              <Table.Td>
                {t.actions[e.action] ? <Text size="sm">{t.actions[e.action]}</Text> : null}
                <Code>{e.action}</Code>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Badge color={outcomeColor[e.outcome] ?? 'gray'} variant="light" radius="sm" tt="none" style={{ overflow: 'visible' }} miw="3.5em">
                  {t.outcomes[e.outcome] ?? e.outcome}
                </Badge>
              </Table.Td>
              <Table.Td>{[e.targetType, e.targetId].filter(Boolean).join(' ') || none}</Table.Td>
              <Table.Td>{e.basis ?? none}</Table.Td>
              <Table.Td>{e.clientAddr ?? none}</Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace">
                  {e.requestId ?? none}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
