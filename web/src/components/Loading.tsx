import { Center, Loader } from '@mantine/core';
import { ja } from '../i18n/ja';

export function Loading() {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader size="sm" aria-label={ja.app.loading} />
    </Center>
  );
}
