import { Button, Group, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Section } from '../../components/Section';
import { TableDownload } from '../../components/TableDownload';
import { ja } from '../../i18n/ja';
import { type Cost, costsQuery, deleteCost, fundingChanged } from './api';
import { CostFormModal } from './CostFormModal';
import { partLabel, yen } from './format';

const t = ja.funding;

/** 経費 of the 年度: staff (with hours by 事業), contracts and other costs. */
export function CostsSection({ fiscalYear }: { fiscalYear: number }) {
  const queryClient = useQueryClient();
  const costs = useQuery(costsQuery(fiscalYear));
  const [editing, setEditing] = useState<Cost | 'new' | null>(null);
  const remove = useMutation({
    mutationFn: (c: Cost) => deleteCost(c.costId, c.version),
    onSuccess: () => fundingChanged(queryClient),
  });
  const data = costs.data;
  return (
    <Section title={t.costsTitle}>
      <ErrorAlert error={costs.error ?? remove.error} />
      {costs.isPending && <Loading />}
      {data && (
        <>
          {data.costs.length === 0 ? (
            <Text>{t.costsEmpty}</Text>
          ) : (
            <Table.ScrollContainer minWidth={800}>
              <Table striped aria-label={t.costsTitle}>
                <Table.Thead>
                  <Table.Tr>
                    {[t.colLabel, t.colKind, t.colAgency, t.colPart, t.colAmount, t.colHours, ''].map((h) => (
                      <Table.Th key={h || 'actions'}>{h}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.costs.map((c) => (
                    <Table.Tr key={c.costId}>
                      <Table.Td>{c.label}</Table.Td>
                      <Table.Td>{t.costKinds[c.kind]}</Table.Td>
                      <Table.Td>{c.agencyName ?? t.none}</Table.Td>
                      <Table.Td>{partLabel(c.part)}</Table.Td>
                      <Table.Td>{yen(c.amountYen)}</Table.Td>
                      <Table.Td>{c.hours.length > 0 ? t.hoursSummary(c.hours.reduce((s, h) => s + h.hours, 0)) : t.none}</Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Button size="xs" variant="default" onClick={() => setEditing(c)} aria-label={`${t.edit} ${c.label}`}>
                            {t.edit}
                          </Button>
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            aria-label={`${t.delete} ${c.label}`}
                            loading={remove.isPending && remove.variables?.costId === c.costId}
                            onClick={() => {
                              if (window.confirm(t.confirmDelete)) remove.mutate(c);
                            }}
                          >
                            {t.delete}
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Group justify="space-between">
            <Text fw={600}>{t.costTotal(yen(data.totalYen))}</Text>
            <Group gap="sm">
              {data.costs.length > 0 && (
                <TableDownload
                  fileName={`${t.costsTitle}_${fiscalYear}`}
                  header={[t.colLabel, t.colKind, t.colAgency, t.colPart, t.colAmount, t.colHours]}
                  rows={data.costs.map((c) => [c.label, t.costKinds[c.kind] ?? c.kind, c.agencyName, partLabel(c.part), c.amountYen, c.hours.reduce((sum, h) => sum + h.hours, 0)])}
                />
              )}
              <Button onClick={() => setEditing('new')}>{t.addCost}</Button>
            </Group>
          </Group>
          {editing && <CostFormModal fiscalYear={fiscalYear} cost={editing === 'new' ? null : editing} agencies={data.agencies} onClose={() => setEditing(null)} />}
        </>
      )}
    </Section>
  );
}
