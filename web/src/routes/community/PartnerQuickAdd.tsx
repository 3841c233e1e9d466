import { Button, Group, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type KeyboardEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ja } from '../../i18n/ja';
import { ApiError } from '../../lib/api';
import { createPartner, directoryOptionsQueryOptions, PARTNER_KINDS, type Partner } from './api';

const t = ja.community;

/** Registers a 参加団体 from inside another form (no nested form: Enter here adds the partner only). */
export function PartnerQuickAdd({ onAdded }: { onAdded: (partner: Partner) => void }) {
  const queryClient = useQueryClient();
  const directory = useQuery(directoryOptionsQueryOptions);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<string>('npo');
  const [organizationId, setOrganizationId] = useState('');
  const add = useMutation({
    mutationFn: () => createPartner({ name: name.trim(), kind, organizationId: organizationId || null }),
    onSuccess: (partner) => {
      void queryClient.invalidateQueries({ queryKey: ['community', 'partners'] });
      setName('');
      setOrganizationId('');
      onAdded(partner);
    },
  });
  const fields = add.error instanceof ApiError ? add.error.fieldErrors() : {};
  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (!event.nativeEvent.isComposing && event.keyCode !== 229) add.mutate();
  }
  return (
    <Paper withBorder p="xs" radius="sm">
      <Stack gap={6}>
        <Text size="sm" fw={600}>
          {t.newPartner}
        </Text>
        <ErrorAlert error={add.error} />
        <Group grow align="flex-end">
          <TextInput label={t.partnerName} value={name} onChange={(e) => setName(e.currentTarget.value)} onKeyDown={onKeyDown} error={fields.name} autoComplete="off" size="xs" />
          <NativeSelect label={t.partnerKind} value={kind} onChange={(e) => setKind(e.currentTarget.value)} data={PARTNER_KINDS.map((k) => ({ value: k, label: t.partnerKinds[k] ?? k }))} size="xs" />
          <NativeSelect
            label={t.partnerOrganization}
            value={organizationId}
            onChange={(e) => setOrganizationId(e.currentTarget.value)}
            data={[{ value: '', label: t.none }, ...(directory.data?.organizations ?? []).map((o) => ({ value: o.id, label: o.name }))]}
            size="xs"
          />
          <Button size="xs" variant="light" onClick={() => add.mutate()} loading={add.isPending} disabled={!name.trim()}>
            {t.addPartner}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
