import { audit } from '../../platform/audit/record-audit.js';
import type { Ctx } from '../../platform/context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { type CsvCell, type CsvEncoding, exportCsv, findUnencodable, type Unencodable } from '../../platform/export/csv.js';
import { isoDayInJapan } from '../japanese/japanese-date.js';
import { readTimeline } from './list-progress-notes.js';
import type { NoteView } from './progress-note.repo.js';

/** Columns of the 経過一覧 CSV. */
export const CSV_HEADER = ['日付', '時刻', '種別', '対象者', '件名', '内容', '次の予定', '期日', '記録機関', '記録者'];

function csvRow(n: NoteView): CsvCell[] {
  return [n.occurredOn, n.occurredTime, n.kindLabel, n.personName, n.subject, n.body, n.nextAction, n.nextActionDue, n.authorAgencyName, n.authorName];
}

/** Preflight of a Shift_JIS export: which characters would become 〓 (the characters only, no text around them). */
export async function checkProgressNotesExport(ctx: Ctx, caseId: string, encoding: CsvEncoding): Promise<{ unencodable: Unencodable[] }> {
  return inTransaction(ctx, async (tx) => {
    const { basis, items } = await readTimeline(tx, caseId, 'export', 'progress_note.export_check');
    const unencodable = encoding === 'sjis' ? findUnencodable(CSV_HEADER, items.map(csvRow)) : [];
    await audit(tx, { action: 'progress_note.export_check', targetType: 'case', targetId: caseId, basis, details: { rows: items.length, encoding, unencodable: unencodable.length } });
    return { unencodable };
  });
}

/** 経過一覧 as a CSV file (UTF-8 with BOM, or Shift_JIS with 〓 for what it cannot carry); audited. */
export async function exportProgressNotes(ctx: Ctx, caseId: string, encoding: CsvEncoding) {
  return inTransaction(ctx, async (tx) => {
    const { basis, items } = await readTimeline(tx, caseId, 'export');
    const { bytes, unencodable } = exportCsv(CSV_HEADER, items.map(csvRow), encoding);
    await audit(tx, { action: 'progress_note.export', targetType: 'case', targetId: caseId, basis, details: { rows: items.length, encoding, unencodable: unencodable.length } });
    const day = isoDayInJapan(tx.now).replaceAll('-', '');
    return { bytes, unencodableCount: unencodable.length, fileName: `経過一覧_${day}.csv`, asciiFileName: `progress-notes-${day}.csv` };
  });
}
