import { Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ja } from '../../i18n/ja';
import { isApiError } from '../../lib/api';
import { type ActionBody, type ReferralAction, type ReferralView, useReferralAction } from './api';
import { ActionModal, type NoteAction } from './ActionModal';
import { ConsentOverrideSection } from './ConsentOverrideSection';
import { RejectModal } from './RejectModal';

const r = ja.referral;

/** Buttons in this order; 編集 is handled by the page (it opens the form). */
const ORDER: ReferralAction[] = ['send', 'accept', 'reject', 'start', 'resume', 'hold', 'complete', 'fail', 'cancel'];
const NOTE_ACTIONS: NoteAction[] = ['cancel', 'hold', 'complete', 'fail'];

const isNoteAction = (a: ReferralAction | null): a is NoteAction => NOTE_ACTIONS.some((n) => n === a);

/**
 * The buttons the server allows now (allowedActions). 送る that meets consent_required offers
 * 同意なしで送る（理由を記録）; a 409 reloads the referral and says so.
 */
export function ReferralActions({ referral, onDone }: { referral: ReferralView; onDone: (message: string) => void }) {
  const [open, setOpen] = useState<ReferralAction | null>(null);
  const [overriding, setOverriding] = useState(false);
  const action = useReferralAction(referral, (_saved, body) => {
    setOpen(null);
    setOverriding(false);
    onDone(r.actionDone[body.action] ?? '');
  });
  const buttons = ORDER.filter((a) => referral.allowedActions.includes(a));
  if (buttons.length === 0) return null;

  function run(body: ActionBody) {
    action.mutate(body, {
      onError: (error) => {
        if (body.action === 'send' && isApiError(error, 'consent_required')) setOverriding(true);
      },
    });
  }

  /** 送る, 受理する, 対応を開始 and 対応を再開 are taken at once; the others ask a note (受理しない its reason) first. */
  function click(a: ReferralAction) {
    action.reset();
    setOverriding(false);
    if (a === 'send' || a === 'accept' || a === 'start' || a === 'resume') run({ action: a });
    else setOpen(a);
  }

  const modalError = open ? action.error : null;
  return (
    <Stack gap="sm">
      <Group gap="xs">
        {buttons.map((a) => (
          <Button
            key={a}
            variant={a === 'cancel' || a === 'reject' || a === 'fail' ? 'default' : 'filled'}
            onClick={() => click(a)}
            loading={action.isPending && action.variables?.action === a && !open}
            disabled={action.isPending}
          >
            {r.actionLabels[a]}
          </Button>
        ))}
      </Group>
      {!open && (
        <ErrorAlert error={action.error} title={isApiError(action.error, 'conflict') ? r.conflictReloaded : undefined} />
      )}
      {overriding && (
        <ConsentOverrideSection
          pending={action.isPending}
          onSend={(reason) => run({ action: 'send', consentOverrideReason: reason })}
          onCancel={() => {
            setOverriding(false);
            action.reset();
          }}
        />
      )}
      {open === 'reject' && (
        <RejectModal pending={action.isPending} error={modalError} onSubmit={run} onClose={() => setOpen(null)} />
      )}
      {isNoteAction(open) && (
        <ActionModal action={open} pending={action.isPending} error={modalError} onSubmit={run} onClose={() => setOpen(null)} />
      )}
    </Stack>
  );
}
