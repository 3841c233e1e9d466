import { Alert, Button, Group, Menu, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { ja } from '../i18n/ja';
import { API_BASE, ApiError, csrfHeaders } from '../lib/api';
import { ErrorAlert } from './ErrorAlert';
import { UnencodableTable } from './UnencodableTable';

const d = ja.tableDownload;

export type TableDownloadFormat = 'csv-utf8' | 'csv-sjis' | 'xlsx';
export type TableDownloadCell = string | number | null;

/** A character Shift_JIS cannot carry, as the server reports it (1-based data row, column header). */
export interface UnencodableCell {
  char: string;
  codePoint: string;
  row: number;
  column: string;
}

/** The file name the server chose (filename*=UTF-8''…), else a plain fallback. */
function fileNameOf(disposition: string | null, fallback: string): string {
  const m = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  return m?.[1] ? decodeURIComponent(m[1]) : fallback;
}

function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Sends the table to POST /exports/table and saves the file it returns. Resolves with the report of
 * characters that became 〓 (Shift_JIS only; the first 100) and their total count.
 */
export async function downloadTable(
  table: { fileName: string; header: string[]; rows: TableDownloadCell[][] },
  format: TableDownloadFormat,
): Promise<{ unencodable: UnencodableCell[]; unencodableCount: number }> {
  const response = await fetch(`${API_BASE}/exports/table`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: '*/*', ...csrfHeaders() },
    body: JSON.stringify({ ...table, format }),
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { code: string; message: string; requestId?: string } } | null;
    throw new ApiError(response.status, body?.error?.code ?? 'unknown', body?.error?.message ?? ja.app.unexpectedError, body?.error?.requestId ?? null);
  }
  saveBlob(await response.blob(), fileNameOf(response.headers.get('content-disposition'), `table.${format === 'xlsx' ? 'xlsx' : 'csv'}`));
  const report = response.headers.get('x-kasane-unencodable');
  return {
    unencodable: report ? (JSON.parse(decodeURIComponent(report)) as UnencodableCell[]) : [],
    unencodableCount: Number(response.headers.get('x-kasane-unencodable-count') ?? 0),
  };
}

/**
 * 「ダウンロード」 menu for a table on screen: CSV（UTF-8）, CSV（Shift_JIS）, Excel（XLSX）. The server only
 * formats the rows given (what the page already shows). After a Shift_JIS download, the characters that
 * became 〓 are listed with their row and column, with UTF-8 offered instead.
 */
export function TableDownload({ fileName, header, rows }: { fileName: string; header: string[]; rows: TableDownloadCell[][] }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [report, setReport] = useState<{ items: UnencodableCell[]; count: number } | null>(null);

  async function run(format: TableDownloadFormat) {
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      const result = await downloadTable({ fileName, header, rows }, format);
      if (result.unencodableCount > 0) setReport({ items: result.unencodable, count: result.unencodableCount });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="xs" className="no-print">
      <Group gap="sm">
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button variant="default" loading={busy}>
              {d.button}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => run('csv-utf8')}>{d.csvUtf8}</Menu.Item>
            <Menu.Item onClick={() => run('csv-sjis')}>{d.csvSjis}</Menu.Item>
            <Menu.Item onClick={() => run('xlsx')}>{d.xlsx}</Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
      <ErrorAlert error={error} />
      <Modal opened={report !== null} onClose={() => setReport(null)} title={d.sjisTitle} size="lg">
        <Stack gap="sm">
          <Alert color="yellow" variant="light" role="alert">
            {d.sjisWarning}
          </Alert>
          {report && report.count > report.items.length ? <Text size="sm">{d.sjisMore(report.items.length, report.count)}</Text> : null}
          <UnencodableTable items={report?.items ?? []} labels={d} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setReport(null)}>
              {d.close}
            </Button>
            <Button onClick={() => run('csv-utf8')}>{d.useUtf8}</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
