import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Notice } from '../../../components/Notice';
import { Section } from '../../../components/Section';
import { ja } from '../../../i18n/ja';
import { ApiError, isApiError } from '../../../lib/api';
import { caseListQueryOptions, caseSaved, openCase } from './api';
import { CasesTable } from './CasesTable';

const k = ja.consultation.cases;

/** ケース（支援の経過） on the household page: ケースを開始 when none is open, and every case of the household. */
export function HouseholdCasesSection({ householdId }: { householdId: string }) {
  const queryClient = useQueryClient();
  const list = useQuery(caseListQueryOptions({ householdId, status: 'all' }));
  const [note, setNote] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: () => openCase({ householdId, note: note.trim() || undefined }),
    onMutate: () => setNotice(null),
    onSuccess: (saved) => {
      caseSaved(queryClient, saved);
      setNote('');
      setNotice(k.started);
    },
    onError: (error) => {
      // Someone opened one first: show the list as it is now.
      if (isApiError(error, 'duplicate') || isApiError(error, 'conflict')) {
        void queryClient.invalidateQueries({ queryKey: ['cases', 'list'] });
      }
    },
  });
  const fields = start.error instanceof ApiError ? start.error.fieldErrors() : {};
  const hasOpen = list.data?.some((item) => item.status === 'open') ?? true;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    start.mutate();
  }

  return (
    <Section title={k.section}>
      <Notice>{notice}</Notice>
      <ErrorAlert error={list.error} />
      {list.isPending && <Loading />}
      {list.data && !hasOpen && (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm" maw={640}>
            <Textarea
              label={k.note}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={fields.note}
              autosize
              minRows={2}
              maxLength={2000}
            />
            <ErrorAlert error={start.error} />
            <Group>
              <Button type="submit" loading={start.isPending}>
                {k.start}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {list.data && hasOpen && <ErrorAlert error={start.error} />}
      {list.data && <CasesTable label={k.list} items={list.data} empty={k.empty} variant="household" />}
    </Section>
  );
}
