import { Button, Group, Select, Stack, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Section } from '../../components/Section';
import { ja } from '../../i18n/ja';
import { ApiError } from '../../lib/api';
import { preventEnterWhileComposing } from '../../lib/ime';
import { CLOSE_REASONS, closeLead, type LeadView, reopenLead } from './api';
import { useLeadAction } from './useLeadAction';

const o = ja.outreach;

/** アウトリーチの終了 with a reason, or 再開 of a closed lead. */
export function CloseSection({ lead, onSaved }: { lead: LeadView; onSaved: (msg: string) => void }) {
  const [reason, setReason] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const close = useLeadAction(lead, () => closeLead(lead.id, { reason: reason ?? 'other', note: note.trim() || null, version: lead.version }), () => onSaved(o.saved));
  const reopen = useLeadAction(lead, () => reopenLead(lead.id, lead.version), () => onSaved(o.saved));
  const errors = close.error instanceof ApiError ? close.error.fieldErrors() : {};
  if (lead.status === 'closed') {
    return (
      <Section title={o.closeSection}>
        <ErrorAlert error={reopen.error} />
        <Group>
          <Button variant="light" onClick={() => reopen.mutate(undefined)} loading={reopen.isPending}>
            {o.reopen}
          </Button>
        </Group>
      </Section>
    );
  }
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (reason) close.mutate(undefined);
  };
  return (
    <Section title={o.closeSection}>
      <form onSubmit={submit} onKeyDown={preventEnterWhileComposing} noValidate aria-label={o.closeSection}>
        <Stack gap="xs">
          <Select label={o.closeReason} data={CLOSE_REASONS.map((r) => ({ value: r, label: o.closeReasons[r] ?? r }))} value={reason} onChange={setReason} w={320} />
          <Textarea label={o.closeNote} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} autosize minRows={2} maxLength={2000} />
          <ErrorAlert error={close.error} />
          <Group>
            <Button type="submit" color="red" variant="light" disabled={!reason} loading={close.isPending}>
              {o.closeSubmit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}
