import { Alert, Text } from '@mantine/core';
import { ja } from '../i18n/ja';
import { ApiError } from '../lib/api';

/** Shows an API error's Japanese message (role="alert"), with the request ID for support. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : null;
  return (
    <Alert color="red" variant="light" role="alert" title={title}>
      <Text size="sm">{apiError?.message ?? ja.app.unexpectedError}</Text>
      {apiError?.requestId ? (
        <Text size="xs" c="dimmed" mt={4}>
          {ja.app.requestId}: {apiError.requestId}
        </Text>
      ) : null}
    </Alert>
  );
}
