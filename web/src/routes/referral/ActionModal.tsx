import { Button, Group, Modal, Radio, Stack, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ja } from '../../i18n/ja';
import { ApiError, isApiError } from '../../lib/api';
import type { ActionBody } from './api';

const r = ja.referral;

export type NoteAction = 'cancel' | 'hold' | 'complete' | 'fail';

const NOTE_LABEL: Record<NoteAction, string> = {
  cancel: r.cancelNote,
  hold: r.noteOptional,
  complete: r.completeNote,
  fail: r.failNote,
};

/**
 * 取り消す / 保留にする / 完了 / 不成立: asks the note (required except for 保留). 完了 also asks
 * 「ニーズは満たされましたか」 (はい / いいえ) and what was done.
 */
export function ActionModal({
  action,
  pending,
  error,
  onSubmit,
  onClose,
}: {
  action: NoteAction;
  pending: boolean;
  error: unknown;
  onSubmit: (body: ActionBody) => void;
  onClose: () => void;
}) {
  const [note, setNote] = useState('');
  const [needMet, setNeedMet] = useState<string | null>(null);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const fields = error instanceof ApiError ? error.fieldErrors() : {};
  const noteRequired = action !== 'hold';

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = note.trim();
    const problems: Record<string, string> = {};
    if (noteRequired && !text) problems.note = r.noteRequired;
    if (action === 'complete' && needMet === null) problems.needMet = r.needMetRequired;
    setMissing(problems);
    if (Object.keys(problems).length > 0) return;
    if (action === 'complete') onSubmit({ action, note: text, needMet: needMet === 'yes' });
    else if (action === 'hold') onSubmit({ action, note: text || undefined });
    else onSubmit({ action, note: text });
  }

  return (
    <Modal opened onClose={onClose} title={r.actionLabels[action]} closeButtonProps={{ 'aria-label': ja.app.close }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {action === 'complete' && (
            <Radio.Group
              label={r.needMetQuestion}
              value={needMet}
              onChange={setNeedMet}
              error={missing.needMet ?? fields.needMet}
              required
            >
              <Group mt="xs">
                <Radio value="yes" label={r.yes} />
                <Radio value="no" label={r.no} />
              </Group>
            </Radio.Group>
          )}
          <Textarea
            label={NOTE_LABEL[action]}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={missing.note ?? fields.note}
            autosize
            minRows={3}
            maxLength={4000}
            required={noteRequired}
            data-autofocus
          />
          <ErrorAlert error={error} title={isApiError(error, 'conflict') ? r.conflictReloaded : undefined} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {ja.app.cancel}
            </Button>
            <Button type="submit" loading={pending} color={action === 'cancel' || action === 'fail' ? 'red' : undefined}>
              {r.confirm}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
