import { Alert, Stack } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';
import { ja } from '../../i18n/ja';

/** A programme page that does not exist yet. It says so; nothing pretends to work. */
export function PlaceholderPage({ title }: { title: string }) {
  return (
    <Stack>
      <PageHeader title={title} />
      <Alert color="gray" variant="light" role="status">
        {ja.placeholder.notReady}
      </Alert>
    </Stack>
  );
}
