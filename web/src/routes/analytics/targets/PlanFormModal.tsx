import { Button, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ja } from '../../../i18n/ja';
import { ApiError } from '../../../lib/api';
import { preventEnterWhileComposing } from '../../../lib/ime';
import { createPlan, PLAN_KINDS, type Plan, type PlanKind, targetsChanged } from './api';

const t = ja.targets;

/** 計画の登録: kind, name and period; the six statutory indicators come with it. */
export function PlanFormModal({ defaultYear, onClose, onDone }: { defaultYear: number; onClose: () => void; onDone: (saved: Plan) => void }) {
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<PlanKind>('implementation');
  const [name, setName] = useState('');
  const [from, setFrom] = useState(defaultYear);
  const [to, setTo] = useState(defaultYear + 2);
  const yearOptions = Array.from({ length: 16 }, (_, i) => defaultYear - 5 + i).map((y) => ({ value: String(y), label: t.fiscalYearOption(y) }));
  const save = useMutation({
    mutationFn: () => createPlan({ kind, name: name.trim(), fromFiscalYear: from, toFiscalYear: to }),
    onSuccess: async (saved) => {
      await targetsChanged(queryClient);
      onDone(saved);
    },
  });
  const fields = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate();
  }
  return (
    <Modal opened onClose={onClose} title={t.planFormTitle} size="lg" closeButtonProps={{ 'aria-label': ja.app.close }}>
      <form onSubmit={submit} onKeyDown={preventEnterWhileComposing} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={save.error} />
          <NativeSelect label={t.kind} value={kind} onChange={(e) => setKind(e.currentTarget.value as PlanKind)} data={PLAN_KINDS.map((k) => ({ value: k, label: t.planKinds[k] ?? k }))} error={fields.kind} />
          <TextInput label={t.name} value={name} onChange={(e) => setName(e.currentTarget.value)} error={fields.name} autoComplete="off" required data-autofocus />
          <Group grow align="flex-start">
            <NativeSelect label={t.fromFiscalYear} value={String(from)} onChange={(e) => setFrom(Number(e.currentTarget.value))} data={yearOptions} error={fields.fromFiscalYear} />
            <NativeSelect label={t.toFiscalYear} value={String(to)} onChange={(e) => setTo(Number(e.currentTarget.value))} data={yearOptions} error={fields.toFiscalYear} />
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {ja.app.cancel}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t.register}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
