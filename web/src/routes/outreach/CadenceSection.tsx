import { Badge, Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Section } from '../../components/Section';
import { ja } from '../../i18n/ja';
import { useFormatDate } from '../../lib/dates';
import { preventEnterWhileComposing } from '../../lib/ime';
import { type CadenceState, caseCadenceQueryOptions, type LeadView, setCaseCadence, setLeadCadence } from './api';
import { useLeadAction } from './useLeadAction';

const o = ja.outreach;

function CadenceText({ cadence }: { cadence: CadenceState | null }) {
  const fmt = useFormatDate();
  if (!cadence) return <Text c="dimmed">{o.cadenceNone}</Text>;
  return (
    <Group gap="sm">
      <Text>{o.cadenceState(cadence.intervalDays, fmt.date(cadence.lastContactOn), fmt.date(cadence.dueOn))}</Text>
      {cadence.lapsed && (
        <Badge color="red" variant="filled" radius="sm" tt="none">
          {o.cadenceLapsed(cadence.daysOverdue)}
        </Badge>
      )}
    </Group>
  );
}

function CadenceForm({ initial, pending, error, onSave }: { initial: number | null; pending: boolean; error: unknown; onSave: (days: number | null) => void }) {
  const [days, setDays] = useState<number | string>(initial ?? 14);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const n = typeof days === 'number' ? days : Number.parseInt(days, 10);
    if (Number.isInteger(n) && n >= 1 && n <= 365) onSave(n);
  };
  return (
    <form onSubmit={submit} onKeyDown={preventEnterWhileComposing} noValidate aria-label={o.cadenceSave}>
      <Stack gap="xs">
        <Group align="end">
          <NumberInput label={o.cadenceDays} value={days} onChange={setDays} min={1} max={365} w={200} allowDecimal={false} />
          <Button type="submit" variant="light" loading={pending}>
            {o.cadenceSave}
          </Button>
          {initial !== null && (
            <Button variant="subtle" color="gray" onClick={() => onSave(null)} disabled={pending}>
              {o.cadenceClear}
            </Button>
          )}
        </Group>
        <ErrorAlert error={error} />
      </Stack>
    </form>
  );
}

/** つながり続ける for a lead: every N days; a lapse shows on the worker's ホーム. */
export function LeadCadenceSection({ lead, editable, onSaved }: { lead: LeadView; editable: boolean; onSaved: (msg: string) => void }) {
  const save = useLeadAction(lead, (days: number | null) => setLeadCadence(lead.id, days), () => onSaved(o.cadenceSaved));
  return (
    <Section title={o.cadenceSection}>
      <Text size="sm" c="dimmed">
        {o.cadenceIntro}
      </Text>
      <CadenceText cadence={lead.cadence} />
      {editable && <CadenceForm initial={lead.cadence?.intervalDays ?? null} pending={save.isPending} error={save.error} onSave={(d) => save.mutate(d)} />}
    </Section>
  );
}

/** The same for the case the lead moved to (伴走支援 goes on there). */
export function CaseCadenceSection({ caseId, onSaved }: { caseId: string; onSaved: (msg: string) => void }) {
  const queryClient = useQueryClient();
  const query = useQuery(caseCadenceQueryOptions(caseId));
  const save = useMutation({
    mutationFn: (days: number | null) => setCaseCadence(caseId, days),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: caseCadenceQueryOptions(caseId).queryKey });
      await queryClient.invalidateQueries({ queryKey: ['outreach', 'lapses'] });
      onSaved(o.cadenceSaved);
    },
  });
  return (
    <Section title={o.caseCadenceSection}>
      <ErrorAlert error={query.error} />
      {query.isPending && <Loading />}
      {query.data && (
        <>
          <CadenceText cadence={query.data.cadence} />
          {query.data.canEdit && <CadenceForm initial={query.data.cadence?.intervalDays ?? null} pending={save.isPending} error={save.error} onSave={(d) => save.mutate(d)} />}
        </>
      )}
    </Section>
  );
}
