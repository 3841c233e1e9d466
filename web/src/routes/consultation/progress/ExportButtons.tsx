import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ja } from '../../../i18n/ja';
import { type CsvEncoding, checkExport, downloadCsv, type Unencodable } from './api';
import { UnencodableTable } from '../../../components/UnencodableTable';

const p = ja.progress;

/**
 * 印刷 and the CSV downloads. Before Shift_JIS, the server lists the characters Shift_JIS cannot
 * carry; if there are any, the person confirms 〓 in their place or takes UTF-8 instead.
 */
export function ExportButtons({ caseId }: { caseId: string }) {
  const [busy, setBusy] = useState<CsvEncoding | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [report, setReport] = useState<Unencodable[] | null>(null);

  async function run(encoding: CsvEncoding, action: () => Promise<void>) {
    setBusy(encoding);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }

  const download = (encoding: CsvEncoding) =>
    run(encoding, async () => {
      setReport(null);
      await downloadCsv(caseId, encoding);
    });

  const sjis = () =>
    run('sjis', async () => {
      const { unencodable } = await checkExport(caseId, 'sjis');
      if (unencodable.length > 0) setReport(unencodable);
      else await downloadCsv(caseId, 'sjis');
    });

  return (
    <Stack gap="xs" className="no-print">
      <Group gap="sm">
        <Button variant="default" onClick={() => window.print()}>
          {p.print}
        </Button>
        <Button variant="default" onClick={() => download('utf8')} loading={busy === 'utf8'}>
          {p.csvUtf8}
        </Button>
        <Button variant="default" onClick={sjis} loading={busy === 'sjis'}>
          {p.csvSjis}
        </Button>
      </Group>
      <ErrorAlert error={error} />
      <Modal opened={report !== null} onClose={() => setReport(null)} title={p.sjisTitle} size="lg">
        <Stack gap="sm">
          <Alert color="yellow" variant="light" role="alert">
            {p.sjisWarning}
          </Alert>
          <UnencodableTable items={report ?? []} labels={p} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => download('utf8')}>
              {p.sjisUseUtf8}
            </Button>
            <Button onClick={() => download('sjis')}>{p.sjisConfirm}</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
