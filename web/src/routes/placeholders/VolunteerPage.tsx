import { Alert, Stack, Text } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';
import { ja } from '../../i18n/ja';

/** 気づきの連絡 for 民生委員・児童委員: single column, readable on a phone. */
export function VolunteerPage() {
  return (
    <Stack maw={560} w="100%">
      <PageHeader title={ja.nav.volunteer} />
      <Text size="md">{ja.placeholder.volunteerHint}</Text>
      <Alert color="gray" variant="light" role="status">
        {ja.placeholder.notReady}
      </Alert>
    </Stack>
  );
}
