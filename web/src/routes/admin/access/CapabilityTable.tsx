import { Table, Text } from '@mantine/core';
import { ja } from '../../../i18n/ja';

export interface CapabilityRow {
  kind: string;
  kindLabel: string;
  relationship: string;
  relationshipLabel: string;
  action: string;
  allowed: boolean;
  /** Basis (when allowed) or reason (when not), in Japanese. */
  label: string;
}

export interface Capabilities {
  user: { id: string; loginName: string; displayName: string };
  rows: CapabilityRow[];
}

const t = ja.access;
const ACTION_ORDER = ['read', 'list', 'create', 'update', 'delete', 'export'];

interface MatrixRow {
  key: string;
  kindLabel: string;
  relationshipLabel: string;
  cells: Map<string, CapabilityRow>;
}

/** Pivot the flat rows into (記録の種類 × 関係) rows and one column per action, in server order. */
export function toMatrix(rows: CapabilityRow[]): { actions: string[]; matrix: MatrixRow[] } {
  const seen = new Set(rows.map((r) => r.action));
  const actions = [...ACTION_ORDER.filter((a) => seen.has(a)), ...[...seen].filter((a) => !ACTION_ORDER.includes(a))];
  const byKey = new Map<string, MatrixRow>();
  for (const row of rows) {
    const key = `${row.kind}\u0000${row.relationship}`;
    let entry = byKey.get(key);
    if (!entry) {
      entry = { key, kindLabel: row.kindLabel, relationshipLabel: row.relationshipLabel, cells: new Map() };
      byKey.set(key, entry);
    }
    entry.cells.set(row.action, row);
  }
  return { actions, matrix: [...byKey.values()] };
}

export function CapabilityTable({ data }: { data: Capabilities }) {
  const { actions, matrix } = toMatrix(data.rows);
  if (matrix.length === 0) return <Text c="dimmed">{t.empty}</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label={t.table} withTableBorder withColumnBorders striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t.colKind}</Table.Th>
            <Table.Th scope="col">{t.colRelationship}</Table.Th>
            {actions.map((a) => (
              <Table.Th scope="col" key={a} ta="center">
                {t.actions[a] ?? a}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {matrix.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Th scope="row" fw={500}>
                {row.kindLabel}
              </Table.Th>
              <Table.Td>{row.relationshipLabel}</Table.Td>
              {actions.map((a) => {
                const cell = row.cells.get(a);
                return (
                  <Table.Td key={a} ta="center">
                    {cell ? (
                      <Text
                        component="abbr"
                        title={cell.label}
                        c={cell.allowed ? 'teal.8' : 'red.8'}
                        fw={700}
                        td="none"
                        style={{ cursor: 'help' }}
                      >
                        {cell.allowed ? t.allowed : t.denied}
                      </Text>
                    ) : (
                      ja.app.none
                    )}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
