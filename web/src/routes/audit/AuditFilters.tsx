import { Button, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Section } from '../../components/Section';
import { ja } from '../../i18n/ja';
import type { AuditFilter, Outcome } from './api';

const t = ja.audit;
const outcomeOptions = [
  { value: 'all', label: t.outcomeAll },
  { value: 'success', label: t.outcomes.success ?? 'success' },
  { value: 'failure', label: t.outcomes.failure ?? 'failure' },
  { value: 'denied', label: t.outcomes.denied ?? 'denied' },
];

/** Search conditions; applied on 検索 (form submit), not on every keystroke. */
export function AuditFilters({ initial, onSearch }: { initial: AuditFilter; onSearch: (f: AuditFilter) => void }) {
  const [f, setF] = useState(initial);
  const set = (key: keyof AuditFilter) => (value: string) => setF((prev) => ({ ...prev, [key]: value }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSearch({ ...f, actor: f.actor.trim(), action: f.action.trim(), targetId: f.targetId.trim() });
  }

  return (
    <Section title={t.filters}>
      <form onSubmit={submit}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput label={t.actor} value={f.actor} onChange={(e) => set('actor')(e.currentTarget.value)} />
          <TextInput label={t.action} value={f.action} onChange={(e) => set('action')(e.currentTarget.value)} />
          <TextInput label={t.targetId} value={f.targetId} onChange={(e) => set('targetId')(e.currentTarget.value)} />
          <TextInput type="date" label={t.from} value={f.from} onChange={(e) => set('from')(e.currentTarget.value)} />
          <TextInput type="date" label={t.to} value={f.to} onChange={(e) => set('to')(e.currentTarget.value)} />
          <Select
            label={t.outcome}
            data={outcomeOptions}
            value={f.outcome || 'all'}
            onChange={(v) => setF((prev) => ({ ...prev, outcome: v === 'all' || !v ? '' : (v as Outcome) }))}
            allowDeselect={false}
          />
        </SimpleGrid>
        <Group mt="md">
          <Button type="submit">{t.search}</Button>
        </Group>
      </form>
    </Section>
  );
}
