import { Button, Group, List, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Section } from '../../components/Section';
import { ja } from '../../i18n/ja';
import { ApiError } from '../../lib/api';
import { useFormatDate } from '../../lib/dates';
import { preventEnterWhileComposing } from '../../lib/ime';
import { todayInJapan } from '../consultation/progress/ProgressNoteForm';
import { changeStage, type LeadView, trustStagesQueryOptions } from './api';
import { useLeadAction } from './useLeadAction';

const o = ja.outreach;

/** 信頼関係の段階: the current stage, a change with its date, and the history (newest first). */
export function StageSection({ lead, editable, onSaved }: { lead: LeadView; editable: boolean; onSaved: (msg: string) => void }) {
  const fmt = useFormatDate();
  const stages = useQuery({ ...trustStagesQueryOptions, enabled: editable });
  const [stageId, setStageId] = useState<string | null>(null);
  const [on, setOn] = useState(todayInJapan());
  const [note, setNote] = useState('');
  const save = useLeadAction(
    lead,
    () => changeStage(lead.id, { stageId: stageId!, changedOn: on || null, note: note.trim() || null, version: lead.version }),
    () => {
      setStageId(null);
      setNote('');
      onSaved(o.stageSaved);
    },
  );
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const choices = (stages.data?.stages ?? []).filter((s) => !s.retired && s.id !== lead.stageId);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (stageId) save.mutate(undefined);
  };
  return (
    <Section title={o.stageSection}>
      <Text>
        {o.stageCurrent}: <strong>{lead.stageName ?? ja.app.none}</strong>
        {lead.stageChangedOn ? o.stageSince(fmt.date(lead.stageChangedOn)) : ''}
      </Text>
      {editable && (
        <form onSubmit={submit} onKeyDown={preventEnterWhileComposing} noValidate aria-label={o.stageSave}>
          <Stack gap="xs">
            <Group align="start" grow>
              <Select label={o.stageNew} data={choices.map((s) => ({ value: s.id, label: s.name }))} value={stageId} onChange={setStageId} error={errors.stageId} />
              <TextInput type="date" label={o.stageOn} value={on} onChange={(e) => setOn(e.currentTarget.value)} error={errors.changedOn} />
            </Group>
            <TextInput label={o.stageNote} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={2000} />
            <ErrorAlert error={save.error} />
            <Group>
              <Button type="submit" variant="light" disabled={!stageId} loading={save.isPending}>
                {o.stageSave}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      <Text fw={600} size="sm">
        {o.stageHistory}
      </Text>
      <List size="sm" aria-label={o.stageHistory}>
        {lead.stageHistory.map((h) => (
          <List.Item key={h.id}>
            {fmt.date(h.changedOn)} {h.stageName}
            {ja.text.paren(h.recordedBy)}
            {h.note ? `: ${h.note}` : ''}
          </List.Item>
        ))}
      </List>
    </Section>
  );
}
