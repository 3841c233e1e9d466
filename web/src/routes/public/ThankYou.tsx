import { Button, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import type { PublicCatalogue } from '../../i18n/public';

/** After sending: the 受付番号 and what happens next — nothing the resident wrote. */
export function ThankYou({ c, referenceNumber, onAgain }: { c: PublicCatalogue; referenceNumber: string; onAgain: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <Stack>
      <Title order={2} ref={heading} tabIndex={-1}>
        {c.thanks.heading}
      </Title>
      <Paper withBorder p="md" radius="md">
        <Text size="sm">{c.thanks.numberLabel}</Text>
        <Text component="p" fz={32} fw={700} ff="monospace" lh={1.3} data-testid="reference-number">
          {referenceNumber}
        </Text>
        <Text size="sm" mt="xs">
          {c.thanks.keep}
        </Text>
      </Paper>
      <Title order={3} size="h4">
        {c.thanks.nextHeading}
      </Title>
      <List spacing="xs">
        {c.thanks.next.map((line) => (
          <List.Item key={line}>{line}</List.Item>
        ))}
      </List>
      <div>
        <Button variant="light" onClick={onAgain}>
          {c.thanks.again}
        </Button>
      </div>
    </Stack>
  );
}
