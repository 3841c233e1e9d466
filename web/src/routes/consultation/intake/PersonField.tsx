import { Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { Section } from '../../../components/Section';
import { ja } from '../../../i18n/ja';
import { fullName } from '../format';
import { PersonSearchPicker } from '../PersonSearchPicker';

const i = ja.consultation.intake;

export interface PickedPerson {
  id: string;
  name: string;
}

/** 本人: 匿名・本人不明, or one registered person picked by search. Neither is also valid (unknown). */
export function PersonField({
  anonymous,
  person,
  error,
  onAnonymous,
  onPerson,
}: {
  anonymous: boolean;
  person: PickedPerson | null;
  error?: string;
  onAnonymous: (v: boolean) => void;
  onPerson: (p: PickedPerson | null) => void;
}) {
  // After 選択 or 選択を解除 the pressed button disappears: keep the keyboard user's place.
  const moved = useRef(false);
  const clearRef = useRef<HTMLButtonElement>(null);
  const anonymousRef = useRef<HTMLInputElement>(null);
  const personId = person?.id ?? null;
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    (personId ? clearRef.current : anonymousRef.current)?.focus();
  }, [personId]);
  const pick = (next: PickedPerson | null) => {
    moved.current = true;
    onPerson(next);
  };

  return (
    <Section title={i.person}>
      {!person && (
        <Checkbox
          ref={anonymousRef}
          label={i.anonymous}
          checked={anonymous}
          onChange={(e) => onAnonymous(e.currentTarget.checked)}
        />
      )}
      {person && (
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {i.selectedPerson}
          </Text>
          <Group gap="sm">
            <Text fw={700}>{person.name}</Text>
            <Button size="xs" variant="default" ref={clearRef} onClick={() => pick(null)}>
              {i.clearPerson}
            </Button>
          </Group>
        </Stack>
      )}
      {!person && !anonymous && (
        <PersonSearchPicker label={i.searchPerson} description={i.searchPersonHint} actionLabel={i.select} onPick={(hit) => pick({ id: hit.id, name: fullName(hit) })} />
      )}
      {error && (
        <Text c="red" size="sm" role="alert">
          {error}
        </Text>
      )}
    </Section>
  );
}
