import { Button, Group, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Section } from '../../../components/Section';
import { ja } from '../../../i18n/ja';
import { isApiError } from '../../../lib/api';
import { preventEnterWhileComposing } from '../../../lib/ime';
import { todayInJapan } from '../../consultation/progress/ProgressNoteForm';
import { closePlan, type PlanView, planQueryKey } from './api';

const t = ja.plans;

/** 終結・中断: ends the plan in force with a reason; afterwards 再プラン is offered. */
export function PlanCloseSection({ plan, onSaved }: { plan: PlanView; onSaved: (next: PlanView) => void }) {
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<'closed' | 'suspended'>('closed');
  const [on, setOn] = useState(todayInJapan());
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => closePlan(plan.id, { version: plan.version, outcome, reason: reason.trim(), on }),
    onSuccess: onSaved,
    onError: async (error) => {
      if (isApiError(error, 'conflict')) await queryClient.invalidateQueries({ queryKey: planQueryKey(plan.id) });
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setMissing(reason.trim() ? null : t.required);
    if (reason.trim()) save.mutate();
  };
  return (
    <div className="no-print">
      <Section title={t.closeSection}>
        <form onSubmit={submit} onKeyDown={preventEnterWhileComposing} noValidate aria-label={t.closeSection}>
          <Stack gap="xs">
            <Radio.Group label={t.closeKind} value={outcome} onChange={(v) => setOutcome(v === 'suspended' ? 'suspended' : 'closed')}>
              <Group mt={4}>
                <Radio value="closed" label={t.closeClosed} />
                <Radio value="suspended" label={t.closeSuspended} />
              </Group>
            </Radio.Group>
            <TextInput type="date" label={t.closeOn} value={on} onChange={(e) => setOn(e.currentTarget.value)} w={200} />
            <Textarea label={t.closeReason} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={missing} autosize minRows={2} maxLength={2000} required />
            <ErrorAlert error={save.error} />
            <Group>
              <Button type="submit" color="red" variant="light" loading={save.isPending}>
                {t.closeSubmit}
              </Button>
            </Group>
          </Stack>
        </form>
      </Section>
    </div>
  );
}
