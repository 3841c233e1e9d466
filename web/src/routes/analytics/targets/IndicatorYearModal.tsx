import { Button, Group, Modal, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ja } from '../../../i18n/ja';
import { ApiError } from '../../../lib/api';
import { preventEnterWhileComposing } from '../../../lib/ime';
import { saveIndicatorYear, type TargetRow, targetsChanged } from './api';

const t = ja.targets;
const numberOrNull = (v: string | number) => (v === '' || v === null ? null : Number(v));

/** 目標値, 実績値 (custom indicators only) and 評価・改善 of one indicator for one 年度, with the version read. */
export function IndicatorYearModal({ row, fiscalYear, yearLabel, onClose }: { row: TargetRow; fiscalYear: number; yearLabel: string; onClose: () => void }) {
  const queryClient = useQueryClient();
  const manual = row.actualSource === 'manual';
  const [target, setTarget] = useState<string | number>(row.target ?? '');
  const [actual, setActual] = useState<string | number>(manual ? (row.actual ?? '') : '');
  const [evaluation, setEvaluation] = useState(row.evaluation ?? '');
  const save = useMutation({
    mutationFn: () =>
      saveIndicatorYear(row.indicatorId, fiscalYear, { target: numberOrNull(target), manualActual: manual ? numberOrNull(actual) : null, evaluation: evaluation.trim() || null, version: row.version }),
    onSuccess: async () => {
      await targetsChanged(queryClient);
      onClose();
    },
  });
  const fields = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate();
  }
  return (
    <Modal opened onClose={onClose} title={t.editTitle(row.label, yearLabel)} size="lg" closeButtonProps={{ 'aria-label': ja.app.close }}>
      <form onSubmit={submit} onKeyDown={preventEnterWhileComposing} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={save.error} />
          <NumberInput label={t.target} value={target} onChange={setTarget} min={0} allowDecimal={false} allowNegative={false} thousandSeparator="," suffix={` ${row.unit}`} error={fields.target} data-autofocus />
          {manual ? (
            <NumberInput label={t.manualActual} value={actual} onChange={setActual} min={0} allowDecimal={false} allowNegative={false} thousandSeparator="," suffix={` ${row.unit}`} error={fields.manualActual} />
          ) : (
            <Text size="sm" c="dimmed">
              {t.statutoryActualHint}
            </Text>
          )}
          <Textarea label={t.evaluation} description={t.evaluationHint} value={evaluation} onChange={(e) => setEvaluation(e.currentTarget.value)} error={fields.evaluation} autosize minRows={3} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {ja.app.cancel}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
