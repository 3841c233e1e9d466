import { Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Section } from '../../components/Section';
import { ja } from '../../i18n/ja';
import { preventEnterWhileComposing } from '../../lib/ime';
import { todayInJapan } from '../consultation/progress/ProgressNoteForm';
import { type Match, matchesQueryOptions, type NeedView, place, type Reason } from './api';

const t = ja.participation;
const TONE_COLOR: Record<Reason['tone'], string> = { good: 'teal', caution: 'yellow', bad: 'red' };

function Reasons({ reasons }: { reasons: Reason[] }) {
  return (
    <Group gap={6}>
      {reasons.map((r) => (
        <Badge key={`${r.kind}-${r.text}`} variant="light" color={TONE_COLOR[r.tone]} radius="sm" tt="none" size="lg">
          {r.text}
        </Badge>
      ))}
    </Group>
  );
}

function PlaceForm({ need, match, onPlaced, onCancel }: { need: NeedView; match: Match; onPlaced: (next: NeedView) => void; onCancel: () => void }) {
  const [startOn, setStartOn] = useState(need.startWishOn && need.startWishOn > todayInJapan() ? need.startWishOn : todayInJapan());
  const [contact, setContact] = useState('');
  const save = useMutation({ mutationFn: () => place(need.id, { targetKind: match.kind, targetId: match.id, startOn, hostContact: contact.trim() || null }), onSuccess: onPlaced });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} onKeyDown={preventEnterWhileComposing} noValidate aria-label={t.placeFormLabel(match.name)}>
      <Stack gap="xs">
        <Group align="flex-end">
          <TextInput type="date" label={t.startOn} value={startOn} onChange={(e) => setStartOn(e.currentTarget.value)} required w={200} />
          <TextInput label={t.hostContact} value={contact} onChange={(e) => setContact(e.currentTarget.value)} maxLength={500} w={320} />
        </Group>
        <ErrorAlert error={save.error} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t.placeSubmit}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t.cancel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function MatchCard({ need, match, rank, chosen, onChoose, onPlaced }: { need: NeedView; match: Match; rank: number | null; chosen: boolean; onChoose: (id: string | null) => void; onPlaced: (next: NeedView) => void }) {
  const titleId = useId();
  return (
    <Paper component="article" aria-labelledby={titleId} withBorder p="sm" radius="md">
      <Stack gap={6}>
        <Group gap="xs" align="center">
          {rank !== null && (
            <Badge variant="filled" color="blue" radius="sm">
              {t.rank(rank)}
            </Badge>
          )}
          <Title order={3} size="h5" id={titleId}>
            {match.name}
          </Title>
          <Text size="sm" c="dimmed">
            {t.kind[match.kind]}
            {match.organizationName ? `・${match.organizationName}` : ''}
          </Text>
          {!match.excluded && (
            <Text size="sm" c="dimmed">
              {t.score(match.score)}
            </Text>
          )}
          {match.full && (
            <Badge color="orange" radius="sm">
              {t.fullBadge}
            </Badge>
          )}
        </Group>
        <Reasons reasons={match.reasons} />
        {rank !== null && !chosen && !match.full && (
          <Group>
            <Button size="xs" variant="light" onClick={() => onChoose(match.id)}>
              {t.choose}
            </Button>
          </Group>
        )}
        {chosen && <PlaceForm need={need} match={match} onPlaced={onPlaced} onCancel={() => onChoose(null)} />}
      </Stack>
    </Paper>
  );
}

/** 受け入れ先の候補: ranked, each with its reasons; 「この受け入れ先に決める」 opens the placement form. */
export function MatchesSection({ need, onPlaced }: { need: NeedView; onPlaced: (next: NeedView) => void }) {
  const matches = useQuery(matchesQueryOptions(need.id, need.version, need.placements.length));
  const [chosen, setChosen] = useState<string | null>(null);
  const [showExcluded, setShowExcluded] = useState(false);
  const placed = (next: NeedView) => {
    setChosen(null);
    onPlaced(next);
  };
  return (
    <Section title={t.matchesSection}>
      <Text size="sm" c="dimmed">
        {t.matchesHelp}
      </Text>
      <ErrorAlert error={matches.error} />
      {matches.isPending && <Loading />}
      {matches.data && matches.data.matches.length === 0 && <Text>{t.noMatches}</Text>}
      {matches.data?.matches.map((m, i) => (
        <MatchCard key={`${m.kind}-${m.id}`} need={need} match={m} rank={i + 1} chosen={chosen === m.id} onChoose={setChosen} onPlaced={placed} />
      ))}
      {matches.data && matches.data.excluded.length > 0 && (
        <Stack gap="xs">
          <Group>
            <Button variant="subtle" size="xs" onClick={() => setShowExcluded((v) => !v)} aria-expanded={showExcluded}>
              {t.excludedSection(matches.data.excluded.length)}
            </Button>
          </Group>
          {showExcluded && matches.data.excluded.map((m) => <MatchCard key={`${m.kind}-${m.id}`} need={need} match={m} rank={null} chosen={false} onChoose={setChosen} onPlaced={placed} />)}
        </Stack>
      )}
    </Section>
  );
}
