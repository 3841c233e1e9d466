import { Button, Group, Stack, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Section } from '../../../components/Section';
import { ja } from '../../../i18n/ja';
import { ApiError } from '../../../lib/api';
import { type CaseView, closeCase, reopenCase } from './api';
import { conflictTitle, useCaseAction } from './useCaseAction';

const k = ja.consultation.cases;

/** 終結: the reason is required. */
export function CaseCloseSection({ kase, onDone }: { kase: CaseView; onDone: (message: string) => void }) {
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<string | undefined>();
  const close = useCaseAction(
    kase,
    (text: string) => closeCase(kase.id, { reason: text, version: kase.version }),
    () => {
      setReason('');
      onDone(k.closed);
    },
  );
  const fields = close.error instanceof ApiError ? close.error.fieldErrors() : {};

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = reason.trim();
    setMissing(text ? undefined : k.closeReasonRequired);
    if (text) close.mutate(text);
  }

  return (
    <Section title={k.close}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" maw={640}>
          <Textarea
            label={k.closeReason}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={missing ?? fields.reason}
            autosize
            minRows={2}
            maxLength={2000}
            required
          />
          <ErrorAlert error={close.error} title={conflictTitle(close.error)} />
          <Group>
            <Button type="submit" color="red" variant="light" loading={close.isPending}>
              {k.closeSubmit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

/** 再開する: a closed case becomes 支援中 again, with the same lead. */
export function CaseReopenSection({ kase, onDone }: { kase: CaseView; onDone: (message: string) => void }) {
  const reopen = useCaseAction(kase, () => reopenCase(kase.id, kase.version), () => onDone(k.reopened));
  return (
    <Stack gap="sm">
      <ErrorAlert error={reopen.error} title={conflictTitle(reopen.error)} />
      <Group>
        <Button onClick={() => reopen.mutate(undefined)} loading={reopen.isPending}>
          {k.reopen}
        </Button>
      </Group>
    </Stack>
  );
}
