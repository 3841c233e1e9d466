import { Button, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ja } from '../../i18n/ja';
import { type PersonHit, personSearchQueryOptions } from './api';
import { PersonHitsTable } from './PersonHitsTable';

const c = ja.consultation;

/**
 * Find a person to act on (世帯員を検索, 本人を検索): search as you type (after IME composition
 * ends, 300 ms later) or at once with Enter. Enter here searches and never submits the surrounding
 * form. Each result has `actionLabel`; results for which `isDone` holds show `doneLabel`, disabled.
 */
export function PersonSearchPicker({
  label,
  description,
  actionLabel,
  isDone,
  doneLabel,
  pendingId,
  onPick,
}: {
  label: string;
  description: string;
  actionLabel: string;
  isDone?: (personId: string) => boolean;
  doneLabel?: string;
  pendingId?: string | null | undefined;
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
        label={label}
        description={description}
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
          action={(hit) => {
            const done = isDone?.(hit.id) ?? false;
            return (
              <Button size="xs" variant="light" disabled={done} loading={pendingId === hit.id} onClick={() => onPick(hit)}>
                {done ? (doneLabel ?? actionLabel) : actionLabel}
              </Button>
            );
          }}
        />
      )}
    </Stack>
  );
}
