import { Alert, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { RequireRole } from '../../components/RequireRole';
import { Section } from '../../components/Section';
import { ja } from '../../i18n/ja';
import { useFormatDate } from '../../lib/dates';
import { myReportsQueryOptions } from './api';
import { VolunteerReportForm } from './VolunteerReportForm';

const v = ja.outreach.volunteer;
const STATUS_COLOR: Record<string, string> = { received: 'gray', in_progress: 'blue', done: 'teal' };

/** 気づきの連絡 for 民生委員・児童委員: one column, readable on a phone; own reports with their status only. */
export function VolunteerPage() {
  return (
    <RequireRole roles={['community_volunteer']}>
      <Volunteer />
    </RequireRole>
  );
}

function Volunteer() {
  const [sent, setSent] = useState<string | null>(null);
  return (
    <Stack maw={560} w="100%">
      <PageHeader title={v.heading} />
      <Text size="md">{v.intro}</Text>
      <Alert color="red" variant="light">
        {v.emergencyNote}
      </Alert>
      <Notice>{sent}</Notice>
      <VolunteerReportForm onSent={() => setSent(v.sent)} onEdit={() => setSent(null)} />
      <MyReports />
    </Stack>
  );
}

function MyReports() {
  const fmt = useFormatDate();
  const mine = useQuery(myReportsQueryOptions);
  return (
    <Section title={v.mine}>
      <Text size="sm" c="dimmed">
        {v.mineIntro}
      </Text>
      <ErrorAlert error={mine.error} />
      {mine.isPending && <Loading />}
      {mine.data && mine.data.items.length === 0 && <Text c="dimmed">{v.mineEmpty}</Text>}
      <Stack gap="xs" component="ul" aria-label={v.mine} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {mine.data?.items.map((r) => (
          <Card key={r.id} component="li" withBorder padding="sm" radius="md">
            <Group justify="space-between" wrap="nowrap" align="start">
              <Stack gap={2}>
                <Text fw={600}>{r.subjectDescription}</Text>
                <Text size="sm">{r.location}</Text>
                <Text size="xs" c="dimmed">
                  {ja.text.labelValue(v.reportedAt, fmt.date(r.reportedAt))}
                </Text>
              </Stack>
              <Badge size="lg" color={STATUS_COLOR[r.status] ?? 'gray'} variant="light" radius="sm" tt="none">
                {v.status[r.status] ?? r.status}
              </Badge>
            </Group>
          </Card>
        ))}
      </Stack>
    </Section>
  );
}
