import { Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { EChart, type EChartOption } from '../../components/EChart';
import { TableDownload } from '../../components/TableDownload';
import { ja } from '../../i18n/ja';
import { number } from './charts';

const t = ja.analytics;
type Cell = string | number | null;

/**
 * A chart with its table view: a toggle switches between the two (the table carries the same numbers,
 * with its own accessible name, and downloads as CSV/XLSX).
 */
export function ChartTable(props: {
  chartLabel: string;
  tableLabel: string;
  option: EChartOption;
  header: string[];
  rows: Cell[][];
  fileName: string;
  height?: number;
  controls?: ReactNode;
}) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">{props.controls}</Group>
        <SegmentedControl
          aria-label={`${props.chartLabel} ${t.view}`}
          value={view}
          onChange={(v) => setView(v as 'chart' | 'table')}
          data={[
            { value: 'chart', label: t.viewChart },
            { value: 'table', label: t.viewTable },
          ]}
        />
      </Group>
      {props.rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t.empty}
        </Text>
      ) : view === 'chart' ? (
        <EChart option={props.option} label={props.chartLabel} height={props.height ?? 320} />
      ) : (
        <CountTable label={props.tableLabel} header={props.header} rows={props.rows} fileName={props.fileName} />
      )}
    </Stack>
  );
}

/** A table of counts (first column a row heading, numbers right-aligned) with its download. */
export function CountTable({ label, header, rows, fileName }: { label: string; header: string[]; rows: Cell[][]; fileName: string }) {
  return (
    <Stack gap={4}>
      <Table.ScrollContainer minWidth={480}>
        <Table aria-label={label} striped withTableBorder verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              {header.map((h, i) => (
                <Table.Th key={h} scope="col" ta={i === 0 ? undefined : 'right'}>
                  {h}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.map(String).join('|')}>
                {row.map((cell, i) =>
                  i === 0 ? (
                    <Table.Th key={`h${header[i]}`} scope="row" fw={400}>
                      {cell}
                    </Table.Th>
                  ) : (
                    <Table.Td key={header[i]} ta={typeof cell === 'number' ? 'right' : undefined}>
                      {typeof cell === 'number' ? number.format(cell) : (cell ?? '—')}
                    </Table.Td>
                  ),
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <TableDownload fileName={fileName} header={header} rows={rows} />
    </Stack>
  );
}
