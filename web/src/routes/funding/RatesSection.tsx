import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Section } from '../../components/Section';
import { ja } from '../../i18n/ja';
import { PAYERS, type Rate, ratesQuery } from './api';
import { partLabel, siloLabel, yen } from './format';
import { RateFormModal } from './RateFormModal';

const t = ja.funding;

function RateRows({ rates, onEdit }: { rates: Rate[]; onEdit?: (r: Rate) => void }) {
  return rates.map((r) => (
    <Table.Tr key={r.rateId}>
      <Table.Td>{partLabel(r.part)}</Table.Td>
      <Table.Td>{siloLabel(r.silo)}</Table.Td>
      <Table.Td>{t.bracket(r.populationFrom, r.populationTo)}</Table.Td>
      <Table.Td>
        {yen(r.baseAmountYen)} {r.isSample && <Badge color="orange">{t.sample}</Badge>}
      </Table.Td>
      <Table.Td>
        {PAYERS.filter((p) => r.ratios[p] > 0)
          .map((p) => `${t.payers[p]} ${t.ratio(r.ratios[p], r.ratios.denominator)}`)
          .join(t.ratioSeparator)}
      </Table.Td>
      <Table.Td>{t.roundings[r.rounding]}</Table.Td>
      <Table.Td>{t.versionNo(r.versionNo)}</Table.Td>
      {onEdit && (
        <Table.Td>
          <Button size="xs" variant="default" onClick={() => onEdit(r)} aria-label={`${t.edit} ${partLabel(r.part)} ${siloLabel(r.silo)}`}>
            {t.edit}
          </Button>
        </Table.Td>
      )}
    </Table.Tr>
  ));
}

function Head({ withEdit }: { withEdit: boolean }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {[t.colPart, t.colSilo, t.colBracket, t.colBase, t.colRatios, t.colRounding, t.colVersion, ...(withEdit ? [''] : [])].map((h) => (
          <Table.Th key={h || 'actions'}>{h}</Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}

/** 交付金の設定 of the 年度: the versions in force (サンプル labelled), earlier versions on request. */
export function RatesSection({ fiscalYear }: { fiscalYear: number }) {
  const rates = useQuery(ratesQuery(fiscalYear));
  const [editing, setEditing] = useState<Rate | 'new' | null>(null);
  const [showHistory, setShowHistory] = useState(false);
  const data = rates.data;
  return (
    <Section title={t.ratesTitle}>
      <ErrorAlert error={rates.error} />
      {rates.isPending && <Loading />}
      {data && (
        <>
          {data.current.some((r) => r.isSample) && <Text c="orange.8">{t.sampleNote}</Text>}
          {data.current.length === 0 ? (
            <Text>{t.ratesEmpty}</Text>
          ) : (
            <Table.ScrollContainer minWidth={900}>
              <Table striped aria-label={t.ratesTitle}>
                <Head withEdit />
                <Table.Tbody>
                  <RateRows rates={data.current} onEdit={setEditing} />
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Group>
            <Button variant="default" onClick={() => setEditing('new')}>
              {t.addRate}
            </Button>
            {data.history.length > 0 && (
              <Button variant="subtle" onClick={() => setShowHistory((v) => !v)} aria-expanded={showHistory}>
                {t.history(data.history.length)}
              </Button>
            )}
          </Group>
          {showHistory && (
            <Table.ScrollContainer minWidth={900}>
              <Table aria-label={t.history(data.history.length)}>
                <Head withEdit={false} />
                <Table.Tbody>
                  <RateRows rates={data.history} />
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </>
      )}
      {editing && <RateFormModal fiscalYear={fiscalYear} rate={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Section>
  );
}
