import { Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { ja } from '../i18n/ja';

/** The page's one h1, also used as the document title. */
export function PageHeader({ title, description }: { title: string; description?: string }) {
  useEffect(() => {
    document.title = `${title} | ${ja.app.titleSuffix}`;
  }, [title]);
  return (
    <div>
      <Title order={1} size="h2">
        {title}
      </Title>
      {description ? (
        <Text c="dimmed" size="sm" mt={4}>
          {description}
        </Text>
      ) : null}
    </div>
  );
}
