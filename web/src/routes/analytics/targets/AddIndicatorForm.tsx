import { Button, Group, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ja } from '../../../i18n/ja';
import { ApiError } from '../../../lib/api';
import { preventEnterWhileComposing } from '../../../lib/ime';
import { addIndicator, targetsChanged } from './api';

const t = ja.targets;

/** 独自の指標を追加: a label and a unit; its actual is entered by hand each 年度. */
export function AddIndicatorForm({ planId }: { planId: string }) {
  const queryClient = useQueryClient();
  const [label, setLabel] = useState('');
  const [unit, setUnit] = useState('');
  const add = useMutation({
    mutationFn: () => addIndicator(planId, { label: label.trim(), unit: unit.trim() }),
    onSuccess: async () => {
      setLabel('');
      setUnit('');
      await targetsChanged(queryClient);
    },
  });
  const fields = add.error instanceof ApiError ? add.error.fieldErrors() : {};
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    add.mutate();
  }
  return (
    <form onSubmit={submit} onKeyDown={preventEnterWhileComposing} noValidate aria-label={t.addIndicator}>
      <Group align="flex-end" gap="sm">
        <TextInput label={t.indicatorLabel} value={label} onChange={(e) => setLabel(e.currentTarget.value)} error={fields.label} autoComplete="off" />
        <TextInput label={t.indicatorUnit} value={unit} onChange={(e) => setUnit(e.currentTarget.value)} error={fields.unit} autoComplete="off" w={120} />
        <Button type="submit" variant="default" loading={add.isPending}>
          {t.addIndicator}
        </Button>
      </Group>
      <ErrorAlert error={add.error} />
    </form>
  );
}
