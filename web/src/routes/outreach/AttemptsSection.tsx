import { Button, Group, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Section } from '../../components/Section';
import { ja } from '../../i18n/ja';
import { ApiError } from '../../lib/api';
import { useFormatDate } from '../../lib/dates';
import { preventEnterWhileComposing } from '../../lib/ime';
import { ATTEMPT_KINDS, ATTEMPT_OUTCOMES, fromLocalInput, type LeadView, nowLocalInput, recordAttempt } from './api';
import { useLeadAction } from './useLeadAction';

const o = ja.outreach;

/** 訪問記録: add a visit/call/letter with its outcome; the list shows the newest first. */
export function AttemptsSection({ lead, editable, onSaved }: { lead: LeadView; editable: boolean; onSaved: (msg: string) => void }) {
  const fmt = useFormatDate();
  return (
    <Section title={o.attempts}>
      {editable && <AttemptForm lead={lead} onSaved={onSaved} />}
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label={o.attemptsTable} striped verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{o.attemptAt}</Table.Th>
              <Table.Th scope="col">{o.attemptKind}</Table.Th>
              <Table.Th scope="col">{o.attemptOutcome}</Table.Th>
              <Table.Th scope="col">{o.attemptNote}</Table.Th>
              <Table.Th scope="col">{o.attemptBy}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lead.attempts.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={5}>
                  <Text c="dimmed" size="sm">
                    {o.attemptsEmpty}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {lead.attempts.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(a.occurredAt)}</Table.Td>
                <Table.Td>{o.kind[a.kind] ?? a.kind}</Table.Td>
                <Table.Td>{o.outcome[a.outcome] ?? a.outcome}</Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{a.note ?? ''}</Table.Td>
                <Table.Td>
                  {a.recordedBy}
                  <Text span size="xs" c="dimmed">
                    {ja.text.paren(a.agencyName)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}

function AttemptForm({ lead, onSaved }: { lead: LeadView; onSaved: (msg: string) => void }) {
  const [at, setAt] = useState(nowLocalInput());
  const [kind, setKind] = useState<string>('visit');
  const [outcome, setOutcome] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const save = useLeadAction(
    lead,
    () => recordAttempt(lead.id, { occurredAt: fromLocalInput(at), kind, outcome: outcome ?? 'other', note: note.trim() || null }),
    () => {
      setOutcome(null);
      setNote('');
      setAt(nowLocalInput());
      onSaved(o.attemptSaved);
    },
  );
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setMissing(!outcome);
    if (outcome) save.mutate(undefined);
  };
  return (
    <form onSubmit={submit} onKeyDown={preventEnterWhileComposing} noValidate aria-label={o.attemptSave}>
      <Stack gap="xs">
        <Group align="start" grow>
          <TextInput type="datetime-local" label={o.attemptAt} value={at} onChange={(e) => setAt(e.currentTarget.value)} error={errors.occurredAt} required />
          <Select label={o.attemptKind} data={ATTEMPT_KINDS.map((k) => ({ value: k, label: o.kind[k] ?? k }))} value={kind} onChange={(v) => setKind(v ?? 'visit')} allowDeselect={false} />
          <Select
            label={o.attemptOutcome}
            data={ATTEMPT_OUTCOMES.map((k) => ({ value: k, label: o.outcome[k] ?? k }))}
            value={outcome}
            onChange={setOutcome}
            error={missing ? o.required : undefined}
            required
          />
        </Group>
        <Textarea label={o.attemptNote} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={4000} />
        <ErrorAlert error={save.error} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {o.attemptSave}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
