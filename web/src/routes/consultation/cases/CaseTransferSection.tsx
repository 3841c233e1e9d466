import { Alert, Button, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Section } from '../../../components/Section';
import { ja } from '../../../i18n/ja';
import { agenciesQueryOptions } from '../../../lib/agencies';
import { ApiError } from '../../../lib/api';
import { useFormatDate } from '../../../lib/dates';
import { AnchorLink } from '../AnchorLink';
import { type CaseView, cancelTransfer, type PendingTransfer, requestTransfer } from './api';
import { conflictTitle, useCaseAction } from './useCaseAction';

const k = ja.consultation.cases;

/** 主担当の変更を依頼中: who it goes to and why; the lead may withdraw it (依頼を取り消す). */
export function PendingTransferBox({
  kase,
  transfer,
  canCancel,
  isReceiver,
  onDone,
}: {
  kase: CaseView;
  transfer: PendingTransfer;
  canCancel: boolean;
  isReceiver: boolean;
  onDone: (message: string) => void;
}) {
  const fmt = useFormatDate();
  const cancel = useCaseAction(kase, () => cancelTransfer(kase.id, kase.version), () => onDone(k.transferCancelled));
  return (
    <Alert color="orange" variant="light">
      <Stack gap="xs">
        <Text fw={700}>{k.pendingTransfer(transfer.toAgencyName, transfer.reason)}</Text>
        <Text size="sm" c="dimmed">
          {k.requestedBy(fmt.dateTime(transfer.requestedAt), transfer.requestedBy)}
        </Text>
        {isReceiver && (
          <Text size="sm">
            {k.incomingTransfer}{' '}
            <AnchorLink to="/consultation/transfers">{k.openInbox}</AnchorLink>
          </Text>
        )}
        <ErrorAlert error={cancel.error} title={conflictTitle(cancel.error)} />
        {canCancel && (
          <Group>
            <Button variant="default" onClick={() => cancel.mutate(undefined)} loading={cancel.isPending}>
              {k.cancelTransfer}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

/** 主担当の変更を依頼: to another active agency, with a reason; the receiver must accept. */
export function TransferRequestSection({ kase, onDone }: { kase: CaseView; onDone: (message: string) => void }) {
  const agencies = useQuery(agenciesQueryOptions);
  const [toAgencyId, setToAgencyId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<{ toAgencyId?: string; reason?: string }>({});
  const send = useCaseAction(
    kase,
    (input: { toAgencyId: string; reason: string }) => requestTransfer(kase.id, { ...input, version: kase.version }),
    () => {
      setToAgencyId(null);
      setReason('');
      onDone(k.transferRequested);
    },
  );
  const fields = send.error instanceof ApiError ? send.error.fieldErrors() : {};
  const options = (agencies.data ?? [])
    .filter((a) => a.status === 'active' && a.id !== kase.leadAgencyId)
    .map((a) => ({ value: a.id, label: a.name }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = {
      toAgencyId: toAgencyId ? undefined : k.toAgencyRequired,
      reason: reason.trim() ? undefined : k.transferReasonRequired,
    };
    setMissing(next);
    if (!toAgencyId || next.reason) return;
    send.mutate({ toAgencyId, reason: reason.trim() });
  }

  return (
    <Section title={k.requestTransfer}>
      <Text size="sm" c="dimmed">
        {k.requestTransferHint}
      </Text>
      <ErrorAlert error={agencies.error} />
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" maw={640}>
          <Select
            label={k.toAgency}
            data={options}
            value={toAgencyId}
            onChange={setToAgencyId}
            error={missing.toAgencyId ?? fields.toAgencyId}
            searchable
            required
          />
          <Textarea
            label={k.transferReason}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={missing.reason ?? fields.reason}
            autosize
            minRows={2}
            maxLength={2000}
            required
          />
          <ErrorAlert error={send.error} title={conflictTitle(send.error)} />
          <Group>
            <Button type="submit" loading={send.isPending}>
              {k.request}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}
