import { Anchor, Button, Group, NativeSelect, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Section } from '../../components/Section';
import { ja } from '../../i18n/ja';
import { type AllocationKey, fundingChanged, KEYS, runAllocation, runQuery, runsQuery, xlsxUrl } from './api';
import { RunResult } from './RunResult';

const t = ja.funding;
const stamp = (iso: string) => new Date(iso).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' });

/** 按分の実行 with a chosen key; earlier runs stay viewable as they were. */
export function RunSection({ fiscalYear }: { fiscalYear: number }) {
  const queryClient = useQueryClient();
  const [key, setKey] = useState<AllocationKey>('consultations');
  const [chosen, setChosen] = useState<string | null>(null);
  const runs = useQuery(runsQuery(fiscalYear));
  const list = runs.data?.runs ?? [];
  const runId = chosen && list.some((r) => r.runId === chosen) ? chosen : (list[0]?.runId ?? null);
  const run = useQuery({ ...runQuery(runId ?? ''), enabled: runId !== null });
  const start = useMutation({
    mutationFn: () => runAllocation({ fiscalYear, key }),
    onSuccess: async (made) => {
      setChosen(made.runId);
      await fundingChanged(queryClient);
    },
  });
  return (
    <Section title={t.runTitle}>
      <ErrorAlert error={start.error ?? runs.error ?? run.error} />
      <Group align="flex-end">
        <NativeSelect label={t.key} value={key} onChange={(e) => setKey(e.currentTarget.value as AllocationKey)} data={KEYS.map((k) => ({ value: k, label: t.keys[k] ?? k }))} />
        <Button onClick={() => start.mutate()} loading={start.isPending}>
          {t.run}
        </Button>
      </Group>
      {runs.isPending && <Loading />}
      {runs.data && list.length === 0 && <Text>{t.noRuns}</Text>}
      {list.length > 0 && runId && (
        <Group align="flex-end">
          <NativeSelect label={t.runs} value={runId} onChange={(e) => setChosen(e.currentTarget.value)} data={list.map((r) => ({ value: r.runId, label: t.runOption(stamp(r.createdAt), t.keys[r.key] ?? r.key) }))} />
          <Anchor href={xlsxUrl(runId)} download>
            {t.download}
          </Anchor>
        </Group>
      )}
      {run.data && run.data.runId === runId && <RunResult run={run.data} />}
    </Section>
  );
}
