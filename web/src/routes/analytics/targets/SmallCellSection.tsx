import { Button, Group, NumberInput, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Section } from '../../../components/Section';
import { ja } from '../../../i18n/ja';
import { ApiError } from '../../../lib/api';
import { saveSmallCellThreshold, type SmallCellSetting, smallCellQueryOptions, targetsChanged } from './api';

const t = ja.targets;

/** 小さな数の秘匿の基準: shown to readers, changed by the 市町村管理者. */
export function SmallCellSection() {
  const setting = useQuery(smallCellQueryOptions);
  return (
    <Section title={t.thresholdHeading}>
      <Text size="sm" c="dimmed">
        {t.thresholdIntro}
      </Text>
      <ErrorAlert error={setting.error} />
      {setting.data && (setting.data.canEdit ? <ThresholdForm setting={setting.data} /> : <Text>{t.thresholdCurrent(setting.data.threshold)}</Text>)}
    </Section>
  );
}

function ThresholdForm({ setting }: { setting: SmallCellSetting }) {
  const queryClient = useQueryClient();
  const [value, setValue] = useState<string | number>(setting.threshold);
  const save = useMutation({
    mutationFn: () => saveSmallCellThreshold({ threshold: Number(value), version: setting.version }),
    onSuccess: () => targetsChanged(queryClient),
  });
  const fields = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate();
  }
  return (
    <form onSubmit={submit} noValidate aria-label={t.thresholdHeading}>
      <Group align="flex-end" gap="sm">
        <NumberInput label={t.threshold} value={value} onChange={setValue} min={1} max={100} allowDecimal={false} allowNegative={false} error={fields.threshold} w={260} />
        <Button type="submit" variant="default" loading={save.isPending}>
          {t.save}
        </Button>
      </Group>
      <ErrorAlert error={save.error} />
      {save.isSuccess && (
        <Text size="sm" role="status">
          {t.saved}
        </Text>
      )}
    </form>
  );
}
