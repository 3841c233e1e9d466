import { Button, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ja } from '../../../i18n/ja';
import { type PersonHit, personSearchQueryOptions } from '../api';
import { PersonHitsTable } from '../PersonHitsTable';

const c = ja.consultation;
const i = c.intake;

/**
 * 本人を検索: search as you type (after IME composition ends, 300 ms later) or at once with Enter.
 * Enter here searches and never submits the surrounding form. Each result has `actionLabel`.
 */
export function PersonSearchPicker({
  actionLabel,
  pendingId,
  onPick,
}: {
  actionLabel: string;
  pendingId?: string | null;
  onPick: (hit: PersonHit) => void;
}) {
  const [text, setText] = useState('');
  const [composing, setComposing] = useState(false);
  const [typed, setTyped] = useState('');
  const [debounced] = useDebouncedValue(typed, 300);
  const [now, setNow] = useState<string | null>(null);
  const term = (now ?? debounced).trim();
  const search = useQuery(personSearchQueryOptions(term, 20));

  useEffect(() => {
    if (!composing) setTyped(text);
  }, [composing, text]);

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.nativeEvent.isComposing) return;
    if (event.key !== 'Enter') return;
    event.preventDefault();
    setNow(text);
  }

  return (
    <Stack gap="xs">
      <TextInput
        label={i.searchPerson}
        description={i.searchPersonHint}
        placeholder={c.searchPlaceholder}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setNow(null);
        }}
        onCompositionStart={() => setComposing(true)}
        onCompositionEnd={() => setComposing(false)}
        onKeyDown={onKeyDown}
        autoComplete="off"
        maxLength={100}
        maw={520}
      />
      <ErrorAlert error={search.error} />
      {term && search.data && (
        <PersonHitsTable
          label={c.results}
          hits={search.data.items}
          action={(hit) => (
            <Button size="xs" variant="light" loading={pendingId === hit.id} onClick={() => onPick(hit)}>
              {actionLabel}
            </Button>
          )}
        />
      )}
    </Stack>
  );
}
