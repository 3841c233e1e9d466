/** 支援経過記録 (progress notes) of a case: types, queries, mutations and the CSV download. */
import { queryOptions } from '@tanstack/react-query';
import { ja } from '../../../i18n/ja';
import { API_BASE, ApiError, api } from '../../../lib/api';

export const NOTE_KINDS = ['interview', 'phone', 'visit', 'accompany', 'email', 'meeting', 'coordination'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export interface ProgressNote {
  id: string;
  caseId: string;
  occurredOn: string;
  occurredTime: string | null;
  kind: NoteKind;
  kindLabel: string;
  subject: string;
  body: string;
  personId: string | null;
  personName: string | null;
  nextAction: string | null;
  nextActionDue: string | null;
  authorAgencyId: string;
  authorAgencyName: string;
  authorName: string;
  createdAt: string;
  updatedAt: string;
  version: number;
  editable: boolean;
}

export interface Timeline {
  caseId: string;
  householdId: string;
  householdLabel: string;
  caseStatus: 'open' | 'closed';
  leadAgencyName: string;
  items: ProgressNote[];
}

export interface NoteInput {
  occurredOn: string;
  occurredTime: string | null;
  kind: NoteKind;
  subject: string;
  body: string;
  personId: string | null;
  nextAction: string | null;
  nextActionDue: string | null;
}

export interface Unencodable {
  char: string;
  codePoint: string;
  row: number;
  column: string;
}

export type CsvEncoding = 'utf8' | 'sjis';

const enc = encodeURIComponent;

export const timelineQueryKey = (caseId: string) => ['progress-notes', caseId] as const;
export const timelineQueryOptions = (caseId: string) =>
  queryOptions({
    queryKey: timelineQueryKey(caseId),
    queryFn: ({ signal }) => api.get<Timeline>(`/cases/${enc(caseId)}/progress-notes`, undefined, signal),
    retry: false,
  });

export const recordNote = (caseId: string, input: NoteInput) =>
  api.post<ProgressNote>(`/cases/${enc(caseId)}/progress-notes`, input);
export const updateNote = (noteId: string, input: NoteInput & { version: number }) =>
  api.put<ProgressNote>(`/progress-notes/${enc(noteId)}`, input);
export const checkExport = (caseId: string, encoding: CsvEncoding) =>
  api.get<{ unencodable: Unencodable[] }>(`/cases/${enc(caseId)}/progress-notes/export-check`, { encoding });

/** The file name the server chose (filename*=UTF-8''…), else a plain fallback. */
function fileNameOf(disposition: string | null): string {
  const m = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  return m?.[1] ? decodeURIComponent(m[1]) : 'progress-notes.csv';
}

/** Downloads the CSV through the session (a plain link would work too, but errors would be lost). */
export async function downloadCsv(caseId: string, encoding: CsvEncoding): Promise<void> {
  const response = await fetch(`${API_BASE}/cases/${enc(caseId)}/progress-notes.csv?encoding=${encoding}`, { credentials: 'same-origin' });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { code: string; message: string; requestId?: string } } | null;
    throw new ApiError(response.status, body?.error?.code ?? 'unknown', body?.error?.message ?? ja.app.unexpectedError, body?.error?.requestId ?? null);
  }
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameOf(response.headers.get('content-disposition'));
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
