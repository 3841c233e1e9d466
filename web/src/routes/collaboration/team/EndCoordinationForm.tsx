import { Button, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ja } from '../../../i18n/ja';
import { agenciesQueryOptions } from '../../../lib/agencies';
import { ApiError } from '../../../lib/api';
import { preventEnterWhileComposing } from '../../../lib/ime';
import type { CaseView } from '../../consultation/cases/api';
import { type Episode, endCoordination } from './api';
import { conflictTitle, useCollaborationAction } from './useCollaborationAction';

const c = ja.collaboration.coordination;

/**
 * 関与を終結する: 経過のまとめ and 今後の主担当 (the current lead unless changed). Naming another
 * agency asks it to take the lead (it accepts in 主担当の変更依頼); the case stays open.
 */
export function EndCoordinationForm({ kase, episode, onDone }: { kase: CaseView; episode: Episode; onDone: (message: string) => void }) {
  const agencies = useQuery(agenciesQueryOptions);
  const [summary, setSummary] = useState('');
  const [leadAgencyId, setLeadAgencyId] = useState<string | null>(kase.leadAgencyId);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const end = useCollaborationAction(
    kase.id,
    (body: { summary: string; leadAgencyId: string }) => endCoordination(episode, body),
    () => onDone(c.endedNotice),
  );
  const fields = end.error instanceof ApiError ? end.error.fieldErrors() : {};
  const options = (agencies.data ?? []).filter((a) => a.status === 'active').map((a) => ({ value: a.id, label: a.name }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = summary.trim();
    const problems: Record<string, string> = {};
    if (!text) problems.summary = c.endSummaryRequired;
    if (!leadAgencyId) problems.leadAgencyId = c.nextLeadRequired;
    setMissing(problems);
    if (text && leadAgencyId) end.mutate({ summary: text, leadAgencyId });
  }

  return (
    <form onSubmit={submit} onKeyDown={preventEnterWhileComposing} noValidate aria-label={c.endTitle}>
      <Stack gap="sm" maw={720}>
        <Title order={3} size="h5">
          {c.endTitle}
        </Title>
        <Text size="sm" c="dimmed">
          {c.endHint}
        </Text>
        <ErrorAlert error={agencies.error} />
        <Textarea
          label={c.endSummary}
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
          error={missing.summary ?? fields.summary}
          autosize
          minRows={3}
          maxLength={4000}
          required
        />
        <Select
          label={c.nextLead}
          data={options}
          value={leadAgencyId}
          onChange={setLeadAgencyId}
          error={missing.leadAgencyId ?? fields.leadAgencyId}
          searchable
          nothingFoundMessage={ja.app.none}
          required
        />
        <ErrorAlert error={end.error} title={conflictTitle(end.error)} />
        <Group>
          <Button type="submit" color="orange" loading={end.isPending}>
            {c.endSubmit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
