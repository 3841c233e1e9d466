import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ja } from '../../../i18n/ja';
import { ApiError } from '../../../lib/api';
import { declineTransfer, type TransferRequest } from './api';

const k = ja.consultation.cases;

/** 受理しない: asks the reason, which goes back to the sender. */
export function DeclineModal({
  request,
  onClose,
  onDone,
}: {
  request: TransferRequest;
  onClose: () => void;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<string | undefined>();
  const decline = useMutation({
    mutationFn: (text: string) => declineTransfer(request.transferId, text),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['case-transfers'] });
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
      onDone();
    },
  });
  const fields = decline.error instanceof ApiError ? decline.error.fieldErrors() : {};

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = reason.trim();
    setMissing(text ? undefined : k.declineReasonRequired);
    if (text) decline.mutate(text);
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={k.declineTitle(request.householdLabel)}
      closeButtonProps={{ 'aria-label': ja.app.close }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Textarea
            label={k.declineReason}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={missing ?? fields.reason}
            autosize
            minRows={3}
            maxLength={2000}
            required
            data-autofocus
          />
          <ErrorAlert error={decline.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {ja.app.cancel}
            </Button>
            <Button type="submit" loading={decline.isPending}>
              {k.send}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
