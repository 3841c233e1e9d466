import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ja } from '../../i18n/ja';
import { ApiError, isApiError } from '../../lib/api';
import { type ActionBody, REJECT_REASONS, type RejectReason } from './api';

const r = ja.referral;

/** 受理しない: the reason (対象外 / 受入枠なし / 本人拒否 / 連絡不能 / その他) and a note for the sender. */
export function RejectModal({
  pending,
  error,
  onSubmit,
  onClose,
}: {
  pending: boolean;
  error: unknown;
  onSubmit: (body: ActionBody) => void;
  onClose: () => void;
}) {
  const [reasonCode, setReasonCode] = useState<RejectReason | null>(null);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const fields = error instanceof ApiError ? error.fieldErrors() : {};

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = note.trim();
    const problems: Record<string, string> = {};
    if (!reasonCode) problems.reasonCode = r.rejectReasonRequired;
    if (!text) problems.note = r.noteRequired;
    setMissing(problems);
    if (reasonCode && text) onSubmit({ action: 'reject', reasonCode, note: text });
  }

  return (
    <Modal opened onClose={onClose} title={r.rejectTitle} closeButtonProps={{ 'aria-label': ja.app.close }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Select
            label={r.rejectReasonLabel}
            data={REJECT_REASONS.map((code) => ({ value: code, label: r.rejectReasons[code] ?? code }))}
            value={reasonCode}
            onChange={(v) => setReasonCode(REJECT_REASONS.find((code) => code === v) ?? null)}
            error={missing.reasonCode ?? fields.reasonCode}
            required
            data-autofocus
          />
          <Textarea
            label={r.rejectNote}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={missing.note ?? fields.note}
            autosize
            minRows={3}
            maxLength={4000}
            required
          />
          <ErrorAlert error={error} title={isApiError(error, 'conflict') ? r.conflictReloaded : undefined} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {ja.app.cancel}
            </Button>
            <Button type="submit" loading={pending}>
              {r.confirm}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
