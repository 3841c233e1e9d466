import { Modal, Stack, Table, Title } from '@mantine/core';
import { ja } from '../../i18n/ja';
import type { Claim, Run } from './api';
import { partLabel, siloLabel, yen } from './format';

const t = ja.funding;

/** 内訳 of one claim cell: every cost's yen in it with its key weight, and the counts behind the key. */
export function TraceModal({ run, claim, onClose }: { run: Run; claim: Claim; onClose: () => void }) {
  const lines = run.lines.filter((l) => l.part === claim.part && l.silo === claim.silo);
  const keys = run.keys.filter((k) => k.silo === claim.silo && (k.part === null || k.part === claim.part));
  return (
    <Modal opened onClose={onClose} title={t.traceTitle(partLabel(claim.part), siloLabel(claim.silo))} size="xl" closeButtonProps={{ 'aria-label': ja.app.close }}>
      <Stack>
        <Title order={3} size="h5">
          {t.traceLines}
        </Title>
        <Table aria-label={t.traceLines}>
          <Table.Thead>
            <Table.Tr>
              {[t.colCost, t.colKind, t.colCostAmount, t.colWeight, t.colWeightTotal, t.colAllocated].map((h) => (
                <Table.Th key={h}>{h}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((l) => (
              <Table.Tr key={l.lineNo}>
                <Table.Td>{l.costLabel}</Table.Td>
                <Table.Td>{t.costKinds[l.costKind]}</Table.Td>
                <Table.Td>{yen(l.costAmountYen)}</Table.Td>
                <Table.Td>{l.weight.toLocaleString('ja-JP')}</Table.Td>
                <Table.Td>{l.weightTotal.toLocaleString('ja-JP')}</Table.Td>
                <Table.Td>{yen(l.amountYen)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Title order={3} size="h5">
          {t.traceKeysWith(t.keys[run.key] ?? run.key)}
        </Title>
        <Table aria-label={t.traceKeys}>
          <Table.Thead>
            <Table.Tr>
              {[t.colSource, t.colPart, t.colCount].map((h) => (
                <Table.Th key={h}>{h}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {keys.map((k) => (
              <Table.Tr key={`${k.sourceId}-${k.part ?? ''}`}>
                <Table.Td>{k.sourceLabel}</Table.Td>
                <Table.Td>{k.part ? partLabel(k.part) : t.allParts}</Table.Td>
                <Table.Td>{k.count.toLocaleString('ja-JP')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Modal>
  );
}
