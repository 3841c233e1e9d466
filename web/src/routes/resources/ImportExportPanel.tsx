import { Alert, Anchor, Button, FileInput, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Notice } from '../../components/Notice';
import { ja } from '../../i18n/ja';
import { ApiError } from '../../lib/api';
import { exportTabularBundle, exportUrl, type ImportResult, type ImportRowError, importJson, importTabular, resourcesChanged, saveText, TABULAR_FILES } from './api';

const r = ja.resources;

class UnreadableFile extends Error {}

/** Reads the chosen files: a JSON array of services, or CSV files / a bundle ({files}) of the tabular package. */
async function readUpload(files: File[]): Promise<{ kind: 'json'; services: unknown } | { kind: 'tabular'; files: Record<string, string> }> {
  const out: Record<string, string> = {};
  for (const file of files) {
    const text = await file.text();
    if (!file.name.toLowerCase().endsWith('.json')) {
      out[file.name] = text;
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new UnreadableFile(r.unreadableFile(file.name));
    }
    if (Array.isArray(parsed)) return { kind: 'json', services: parsed };
    const bundle = (parsed as { files?: unknown } | null)?.files;
    if (bundle && typeof bundle === 'object') Object.assign(out, bundle);
    else if (file.name === 'datapackage.json') out[file.name] = text;
    else throw new UnreadableFile(r.unreadableFile(file.name));
  }
  return { kind: 'tabular', files: out };
}

function RowErrors({ error }: { error: unknown }) {
  const rows = error instanceof ApiError ? ((error.details?.rows as ImportRowError[] | undefined) ?? []) : [];
  if (rows.length === 0) return null;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label={r.importErrorsLabel} striped verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{r.colFile}</Table.Th>
            <Table.Th scope="col">{r.colRow}</Table.Th>
            <Table.Th scope="col">{r.colField}</Table.Th>
            <Table.Th scope="col">{r.colMessage}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((e) => (
            <Table.Tr key={`${e.file ?? ''}-${e.row}-${e.path}-${e.message}`}>
              <Table.Td>{e.file ?? ja.app.none}</Table.Td>
              <Table.Td>{e.row}</Table.Td>
              <Table.Td>{e.path || ja.app.none}</Table.Td>
              <Table.Td>{e.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** HSDS で取り込む・書き出す (JSON and the tabular CSV package). Import is all or nothing. */
export function ImportExportPanel() {
  const queryClient = useQueryClient();
  const [jsonFile, setJsonFile] = useState<File | null>(null);
  const [csvFiles, setCsvFiles] = useState<File[]>([]);
  const [result, setResult] = useState<ImportResult | null>(null);
  const run = useMutation({
    mutationFn: async (files: File[]) => {
      const upload = await readUpload(files);
      return upload.kind === 'json' ? importJson(upload.services) : importTabular(upload.files);
    },
    onMutate: () => setResult(null),
    onSuccess: (res) => {
      setResult(res);
      resourcesChanged(queryClient);
    },
  });
  const bundle = useMutation({
    mutationFn: exportTabularBundle,
    onSuccess: (data) => saveText('hsds-tabular.json', JSON.stringify(data)),
  });

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={r.transferHeading}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {r.transferHeading}
        </Title>
        <Text size="sm" c="dimmed">
          {r.transferIntro}
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Stack gap="xs">
            <Group>
              <Button component="a" href={exportUrl.json} download variant="light">
                {r.exportJson}
              </Button>
            </Group>
            <Text size="sm" fw={600}>
              {r.exportCsv}
            </Text>
            <Text size="xs" c="dimmed">
              {r.exportCsvHint}
            </Text>
            <Group gap="xs">
              {TABULAR_FILES.map((name) => (
                <Anchor key={name} href={exportUrl.file(name)} download={name} size="sm">
                  {name}
                </Anchor>
              ))}
            </Group>
            <Group>
              <Button variant="light" onClick={() => bundle.mutate()} loading={bundle.isPending}>
                {r.exportCsvBundle}
              </Button>
            </Group>
            <ErrorAlert error={bundle.error} />
          </Stack>
          <Stack gap="xs">
            <Group align="flex-end" gap="xs">
              <FileInput label={r.importJson} description={r.importJsonHint} accept=".json,application/json" value={jsonFile} onChange={setJsonFile} clearable w={280} />
              <Button onClick={() => jsonFile && run.mutate([jsonFile])} disabled={!jsonFile} loading={run.isPending}>
                {r.importButton}
              </Button>
            </Group>
            <Group align="flex-end" gap="xs">
              <FileInput label={r.importCsv} description={r.importCsvHint} accept=".csv,text/csv,.json" multiple value={csvFiles} onChange={setCsvFiles} clearable w={280} />
              <Button onClick={() => run.mutate(csvFiles)} disabled={csvFiles.length === 0} loading={run.isPending}>
                {r.importButton}
              </Button>
            </Group>
          </Stack>
        </SimpleGrid>
        {result && (
          <Notice>
            {r.importDone(result.services.created, result.services.updated)}
            {result.ignoredFields.length > 0 && <Text size="sm">{r.importIgnored(result.ignoredFields.join('、'))}</Text>}
          </Notice>
        )}
        {run.error instanceof UnreadableFile ? (
          <Alert color="red" variant="light" role="alert">
            {run.error.message}
          </Alert>
        ) : (
          <ErrorAlert error={run.error} />
        )}
        <RowErrors error={run.error} />
      </Stack>
    </Paper>
  );
}
