import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Section } from '../../components/Section';
import { ja } from '../../i18n/ja';
import { isApiError } from '../../lib/api';
import { preventEnterWhileComposing } from '../../lib/ime';
import { todayInJapan } from '../consultation/progress/ProgressNoteForm';
import { closeNeed, type NeedView, needQueryKey } from './api';

const t = ja.participation;

/** 参加支援を終了: with a reason; the server refuses while a placement is 調整中 or 利用中. */
export function NeedCloseSection({ need, onSaved }: { need: NeedView; onSaved: (next: NeedView) => void }) {
  const queryClient = useQueryClient();
  const [on, setOn] = useState(todayInJapan());
  const [reason, setReason] = useState('');
  const save = useMutation({
    mutationFn: () => closeNeed(need.id, { version: need.version, closedOn: on, reason: reason.trim() }),
    onSuccess: onSaved,
    onError: async (error) => {
      if (isApiError(error, 'conflict')) await queryClient.invalidateQueries({ queryKey: needQueryKey(need.id) });
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Section title={t.closeSection}>
      <form onSubmit={submit} onKeyDown={preventEnterWhileComposing} noValidate aria-label={t.closeSection}>
        <Stack gap="xs">
          <TextInput type="date" label={t.closeOn} value={on} onChange={(e) => setOn(e.currentTarget.value)} w={200} />
          <Textarea label={t.closeReason} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} maxLength={2000} required />
          <ErrorAlert error={save.error} />
          <Group>
            <Button type="submit" color="red" variant="light" loading={save.isPending} disabled={!reason.trim()}>
              {t.closeSubmit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}
