import { Badge, Button, SimpleGrid, Table, Title } from '@mantine/core';
import { useState } from 'react';
import { TableDownload } from '../../components/TableDownload';
import { ja } from '../../i18n/ja';
import { type Claim, PAYERS, type Run } from './api';
import { partLabel, siloLabel, yen } from './format';
import { TraceModal } from './TraceModal';

const t = ja.funding;

function Summary({ run }: { run: Run }) {
  const rows: [string, string][] = [
    [t.key, t.keys[run.key] ?? run.key],
    [t.totalCost, yen(run.totalCostYen)],
    [t.allocated, yen(run.allocatedYen)],
    [t.claimed, yen(run.claimedYen)],
    [t.transfer, yen(run.insuranceTransferYen)],
    [t.newConsultations, t.count(run.newConsultations)],
    [t.costPerConsultation, yen(run.costPerNewConsultationYen)],
    [t.population, t.people(run.population)],
    [t.per100k, run.newConsultationsPer100k === null ? t.none : t.decimal(run.newConsultationsPer100k)],
  ];
  return (
    <Table aria-label={t.summaryTitle}>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th scope="row">{label}</Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

const claimsHeader = () => [t.colPart, t.colSilo, t.colAllocated, t.colBase, t.colClaimed, ...PAYERS.map((p) => t.payers[p] ?? p), t.colRateVersion];

/** One run: the summary, the claim per part × silo (click 内訳 for the trace) and the share of each payer. */
export function RunResult({ run }: { run: Run }) {
  const [traced, setTraced] = useState<Claim | null>(null);
  return (
    <>
      <Title order={3} size="h5">
        {t.summaryTitle}
      </Title>
      <Summary run={run} />
      <Title order={3} size="h5">
        {t.claimsTitle}
      </Title>
      <Table.ScrollContainer minWidth={1000}>
        <Table striped aria-label={t.claimsTitle}>
          <Table.Thead>
            <Table.Tr>
              {[t.colPart, t.colSilo, t.colAllocated, t.colBase, t.colClaimed, ...PAYERS.map((p) => t.payers[p] ?? p), t.colRateVersion, ''].map((h) => (
                <Table.Th key={h || 'actions'}>{h}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {run.claims.map((c) => (
              <Table.Tr key={`${c.part}-${c.silo}`}>
                <Table.Td>{partLabel(c.part)}</Table.Td>
                <Table.Td>{siloLabel(c.silo)}</Table.Td>
                <Table.Td>{yen(c.allocatedYen)}</Table.Td>
                <Table.Td>{yen(c.baseAmountYen)}</Table.Td>
                <Table.Td>{yen(c.claimedYen)}</Table.Td>
                {PAYERS.map((p) => (
                  <Table.Td key={p}>{yen(c.payers?.[p])}</Table.Td>
                ))}
                <Table.Td>
                  {c.rateVersionNo === null ? t.noRate : t.versionNo(c.rateVersionNo)} {c.isSample && <Badge color="orange">{t.sample}</Badge>}
                </Table.Td>
                <Table.Td>
                  {c.allocatedYen > 0 && (
                    <Button size="xs" variant="default" onClick={() => setTraced(c)} aria-label={`${t.trace} ${partLabel(c.part)} ${siloLabel(c.silo)}`}>
                      {t.trace}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <TableDownload
        fileName={`${t.claimsTitle}_${run.fiscalYear}`}
        header={claimsHeader()}
        rows={run.claims.map((c) => [partLabel(c.part), siloLabel(c.silo), c.allocatedYen, c.baseAmountYen, c.claimedYen, ...PAYERS.map((p) => c.payers?.[p] ?? null), c.rateVersionNo])}
      />
      <Title order={3} size="h5">
        {t.payersTitle}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Table aria-label={t.payersTitle}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.colPayer}</Table.Th>
              <Table.Th>{t.colPayerAmount}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {PAYERS.map((p) => (
              <Table.Tr key={p}>
                <Table.Td>{t.payers[p]}</Table.Td>
                <Table.Td>{yen(run.payerTotals[p])}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </SimpleGrid>
      <TableDownload fileName={`${t.payersTitle}_${run.fiscalYear}`} header={[t.colPayer, t.colPayerAmount]} rows={PAYERS.map((p) => [t.payers[p] ?? p, run.payerTotals[p] ?? null])} />
      {traced && <TraceModal run={run} claim={traced} onClose={() => setTraced(null)} />}
    </>
  );
}
