import { Button, Group, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Section } from '../../../components/Section';
import { ja } from '../../../i18n/ja';
import { useFormatDate } from '../../../lib/dates';
import { preventEnterWhileComposing } from '../../../lib/ime';
import { todayInJapan } from '../../consultation/progress/ProgressNoteForm';
import { evaluatePlan, type PlanView } from './api';

const t = ja.plans;

/** 評価: 経過・成果 per short goal of the current version, and the evaluations so far. */
export function PlanEvaluationSection({ plan, onSaved }: { plan: PlanView; onSaved: (next: PlanView) => void }) {
  const fmt = useFormatDate();
  const goalText = new Map(plan.current.content.shortGoals.map((g) => [g.id, g.text]));
  return (
    <div className="no-print">
      <Section title={t.evaluation}>
        {plan.canEdit && <EvaluationForm key={plan.version} plan={plan} onSaved={onSaved} />}
        {plan.evaluations.length === 0 ? (
          <Text c="dimmed">{t.noEvaluations}</Text>
        ) : (
          plan.evaluations.map((e) => (
            <Stack key={e.id} gap={4}>
              <Text size="sm" fw={700}>
                {t.evaluationMeta(fmt.date(e.evaluatedOn), e.createdBy, e.versionNo)}
              </Text>
              {e.goals.length > 0 && (
                <Table withTableBorder aria-label={t.evaluations}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t.shortGoals}</Table.Th>
                      <Table.Th>{t.progressHead}</Table.Th>
                      <Table.Th>{t.resultHead}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {e.goals.map((g) => (
                      <Table.Tr key={g.goalId}>
                        <Table.Td>{goalText.get(g.goalId) ?? ''}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{g.progress ?? ''}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{g.result ?? ''}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
              {e.summary && <Text style={{ whiteSpace: 'pre-wrap' }}>{ja.text.labelValue(t.summary, e.summary)}</Text>}
            </Stack>
          ))
        )}
      </Section>
    </div>
  );
}

function EvaluationForm({ plan, onSaved }: { plan: PlanView; onSaved: (next: PlanView) => void }) {
  const goals = plan.current.content.shortGoals;
  const [evaluatedOn, setEvaluatedOn] = useState(todayInJapan());
  const [entries, setEntries] = useState<Record<string, { progress: string; result: string }>>({});
  const [summary, setSummary] = useState('');
  const save = useMutation({
    mutationFn: () =>
      evaluatePlan(plan.id, {
        evaluatedOn,
        goals: goals.map((g) => ({ goalId: g.id, progress: entries[g.id]?.progress.trim() || null, result: entries[g.id]?.result.trim() || null })),
        summary: summary.trim() || null,
      }),
    onSuccess: onSaved,
  });
  const set = (id: string, k: 'progress' | 'result', v: string) => setEntries((e) => ({ ...e, [id]: { progress: '', result: '', ...e[id], [k]: v } }));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} onKeyDown={preventEnterWhileComposing} noValidate aria-label={t.evaluationForm}>
      <Stack gap="xs">
        <TextInput type="date" label={t.evaluatedOn} value={evaluatedOn} onChange={(e) => setEvaluatedOn(e.currentTarget.value)} w={200} />
        {goals.map((g) => (
          <Group key={g.id} grow align="flex-start">
            <Textarea label={t.progress(g.text)} value={entries[g.id]?.progress ?? ''} onChange={(e) => set(g.id, 'progress', e.currentTarget.value)} autosize minRows={1} maxLength={4000} />
            <Textarea label={t.result(g.text)} value={entries[g.id]?.result ?? ''} onChange={(e) => set(g.id, 'result', e.currentTarget.value)} autosize minRows={1} maxLength={4000} />
          </Group>
        ))}
        <Textarea label={t.summary} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} autosize minRows={2} maxLength={4000} />
        <ErrorAlert error={save.error} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t.recordEvaluation}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
