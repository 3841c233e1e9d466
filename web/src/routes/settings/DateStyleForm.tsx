import { Button, Group, Radio, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Section';
import { ja } from '../../i18n/ja';
import { api } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { type DateStyle, type Me, meQueryKey, useMe } from '../../lib/me';

const s = ja.settings;

export function DateStyleForm() {
  const me = useMe();
  const queryClient = useQueryClient();
  const [dateStyle, setDateStyle] = useState<DateStyle>(me.user.dateStyle);
  const save = useMutation({
    mutationFn: () => api.patch<Me>('/me/preferences', { dateStyle }),
    onSuccess: (data) => queryClient.setQueryData(meQueryKey, data),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <Section title={s.dateSection}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Radio.Group
            label={s.dateStyle}
            value={dateStyle}
            onChange={(v) => {
              setDateStyle(v === 'seireki' ? 'seireki' : 'wareki');
              save.reset();
            }}
          >
            <Group mt="xs">
              <Radio value="wareki" label={s.wareki} />
              <Radio value="seireki" label={s.seireki} />
            </Group>
          </Radio.Group>
          <Text size="sm" c="dimmed">
            {ja.text.labelValue(s.example, formatDate(new Date(), dateStyle))}
          </Text>
          <ErrorAlert error={save.error} />
          {save.isSuccess && <Notice>{s.saved}</Notice>}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {s.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}
