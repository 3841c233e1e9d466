import { Anchor, Center, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { PageHeader } from '../../components/PageHeader';
import { ja } from '../../i18n/ja';

export function NotFoundPage() {
  return (
    <Center py="xl">
      <Stack align="center">
        <PageHeader title={ja.app.notFound} />
        <Text>
          <Anchor component={Link} to="/">
            {ja.nav.home}
          </Anchor>
        </Text>
      </Stack>
    </Center>
  );
}
