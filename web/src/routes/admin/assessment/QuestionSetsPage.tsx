import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Notice } from '../../../components/Notice';
import { PageHeader } from '../../../components/PageHeader';
import { RequireRole } from '../../../components/RequireRole';
import { Section } from '../../../components/Section';
import { ja } from '../../../i18n/ja';
import { useFormatDate } from '../../../lib/dates';
import { ADMIN_ROLES } from '../../../lib/me';
import { type QuestionSetSummary, questionSetsQueryOptions, questionSetVersionQueryOptions } from '../../consultation/assessment/api';
import { QuestionSetEditor } from './QuestionSetEditor';
import { QuestionSetReadOnly } from './QuestionSetReadOnly';

const t = ja.assessment.admin;

type Selection = { code: string; version: number; mode: 'view' | 'edit' };

/** アセスメント質問票 (市町村管理者): the sets, their version history, one version read-only, and a new version. */
export function QuestionSetsPage() {
  return (
    <RequireRole roles={ADMIN_ROLES}>
      <QuestionSetsScreen />
    </RequireRole>
  );
}

function QuestionSetsScreen() {
  const sets = useQuery(questionSetsQueryOptions);
  const [selected, setSelected] = useState<Selection | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const current = sets.data?.find((s) => s.code === selected?.code) ?? sets.data?.[0];
  return (
    <Stack>
      <PageHeader title={t.heading} description={t.intro} />
      <Notice>{notice}</Notice>
      <ErrorAlert error={sets.error} />
      {sets.isPending && <Loading />}
      {sets.data && (
        <Section title={t.sets}>
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t.colCode}</Table.Th>
                <Table.Th scope="col">{t.colTitle}</Table.Th>
                <Table.Th scope="col">{t.colLatest}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sets.data.map((s) => (
                <Table.Tr key={s.code}>
                  <Table.Td>{s.code}</Table.Td>
                  <Table.Td>{s.title}</Table.Td>
                  <Table.Td>{ja.assessment.versionLabel(s.latestVersion)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Section>
      )}
      {current && (
        <VersionHistory
          set={current}
          onSelect={(s) => {
            setNotice(null);
            setSelected(s);
          }}
        />
      )}
      {current && selected && (
        <SelectedVersion
          key={`${selected.code}:${selected.version}:${selected.mode}`}
          set={current}
          selection={selected}
          onDone={(message) => {
            setNotice(message);
            setSelected(null);
          }}
        />
      )}
    </Stack>
  );
}

function VersionHistory({ set, onSelect }: { set: QuestionSetSummary; onSelect: (s: Selection) => void }) {
  const fmt = useFormatDate();
  return (
    <Section title={t.versions(set.title)}>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t.colVersion}</Table.Th>
            <Table.Th scope="col">{t.colTitle}</Table.Th>
            <Table.Th scope="col">{t.colPublishedAt}</Table.Th>
            <Table.Th scope="col">{t.colPublishedBy}</Table.Th>
            <Table.Th scope="col">{t.colActions}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {set.versions.map((v) => (
            <Table.Tr key={v.version}>
              <Table.Td>{ja.assessment.versionLabel(v.version)}</Table.Td>
              <Table.Td>{v.title}</Table.Td>
              <Table.Td>{fmt.dateTime(v.publishedAt)}</Table.Td>
              <Table.Td>{v.publishedBy}</Table.Td>
              <Table.Td>
                <Group gap="xs">
                  <Button size="xs" variant="default" aria-label={`${ja.assessment.versionLabel(v.version)} ${t.show}`} onClick={() => onSelect({ code: set.code, version: v.version, mode: 'view' })}>
                    {t.show}
                  </Button>
                  <Button size="xs" variant="light" aria-label={`${ja.assessment.versionLabel(v.version)} ${t.edit}`} onClick={() => onSelect({ code: set.code, version: v.version, mode: 'edit' })}>
                    {t.edit}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Section>
  );
}

function SelectedVersion({ set, selection, onDone }: { set: QuestionSetSummary; selection: Selection; onDone: (message: string | null) => void }) {
  const version = useQuery(questionSetVersionQueryOptions(selection.code, selection.version));
  if (version.error) return <ErrorAlert error={version.error} />;
  if (!version.data) return <Loading />;
  if (selection.mode === 'view') return <QuestionSetReadOnly questionSet={version.data} />;
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t.editing(selection.version)}
      </Text>
      <QuestionSetEditor source={version.data} basedOnVersion={set.latestVersion} onDone={onDone} />
    </Stack>
  );
}
