import { Alert, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { ja } from '../../i18n/ja';

const r = ja.referral;

/**
 * 同意なしで送る（理由を記録）: shown after the server answered consent_required. The reason is
 * required; the warning says plainly that the sending and the reason go into the 監査ログ.
 */
export function ConsentOverrideSection({
  pending,
  onSend,
  onCancel,
}: {
  pending: boolean;
  onSend: (reason: string) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<string | undefined>();

  function send() {
    const text = reason.trim();
    setMissing(text ? undefined : r.overrideReasonRequired);
    if (text) onSend(text);
  }

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={r.overrideTitle}>
      <Stack gap="sm">
        <Alert color="orange" variant="filled" title={r.overrideTitle}>
          <Text size="sm">{r.overrideWarning}</Text>
        </Alert>
        <Textarea
          label={r.overrideReason}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={missing}
          autosize
          minRows={3}
          maxLength={2000}
          required
        />
        <Group>
          <Button color="orange" onClick={send} loading={pending}>
            {r.overrideSubmit}
          </Button>
          <Button variant="default" onClick={onCancel} disabled={pending}>
            {ja.app.cancel}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
