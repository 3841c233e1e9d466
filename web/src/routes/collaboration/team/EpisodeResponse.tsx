import { Button, Group, Stack, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ja } from '../../../i18n/ja';
import { ApiError } from '../../../lib/api';
import { preventEnterWhileComposing } from '../../../lib/ime';
import { acceptCoordination, declineCoordination, type Episode } from './api';
import { conflictTitle, useCollaborationAction } from './useCollaborationAction';

const c = ja.collaboration.coordination;

/**
 * The coordinator's answer to a request: 関与を開始する (its agency joins the 支援チーム), or
 * 関与しない with a reason the requesting lead sees.
 */
export function EpisodeResponse({ episode, onDone }: { episode: Episode; onDone: (message: string, saved: Episode) => void }) {
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const accept = useCollaborationAction(episode.caseId, () => acceptCoordination(episode), (saved: Episode) => onDone(c.accepted, saved));
  const decline = useCollaborationAction(
    episode.caseId,
    (text: string) => declineCoordination(episode, text),
    (saved: Episode) => {
      setDeclining(false);
      setReason('');
      onDone(c.declined, saved);
    },
  );
  const fields = decline.error instanceof ApiError ? decline.error.fieldErrors() : {};

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = reason.trim();
    setMissing(text ? null : c.declineReasonRequired);
    if (text) decline.mutate(text);
  }

  return (
    <Stack gap="xs">
      <ErrorAlert error={accept.error} title={conflictTitle(accept.error)} />
      <Group gap="xs">
        <Button size="xs" onClick={() => accept.mutate(undefined)} loading={accept.isPending} disabled={decline.isPending}>
          {c.accept}
        </Button>
        {!declining && (
          <Button size="xs" variant="default" onClick={() => setDeclining(true)} disabled={accept.isPending}>
            {c.decline}
          </Button>
        )}
      </Group>
      {declining && (
        <form onSubmit={submit} onKeyDown={preventEnterWhileComposing} noValidate aria-label={c.declineTitle}>
          <Stack gap="xs" maw={560}>
            <Textarea
              label={c.declineReasonLabel}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={missing ?? fields.reason}
              autosize
              minRows={2}
              maxLength={2000}
              required
              data-autofocus
            />
            <ErrorAlert error={decline.error} title={conflictTitle(decline.error)} />
            <Group gap="xs">
              <Button size="xs" type="submit" loading={decline.isPending}>
                {c.declineSubmit}
              </Button>
              <Button size="xs" variant="default" onClick={() => setDeclining(false)}>
                {ja.app.cancel}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
