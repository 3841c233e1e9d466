import { authorize } from '../../platform/access/authorize.js';
import type { Ctx } from '../../platform/context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/http/errors.js';
import { latestQuestionSet, questionSetVersion, questionSetVersions } from './assessment.repo.js';
import { type QuestionSetView, toQuestionSetView } from './assessment-view.js';

export interface QuestionSetSummary {
  code: string;
  title: string;
  latestVersion: number;
  versions: Array<{ version: number; title: string; publishedAt: string; publishedBy: string }>;
}

/**
 * アセスメント質問票の一覧: each set with its latest version and the history of versions.
 * Municipal configuration (no personal data): reads are not audited, like ロール設定.
 */
export async function listQuestionSets(ctx: Ctx): Promise<{ items: QuestionSetSummary[] }> {
  return inTransaction(ctx, async (tx) => {
    authorize(tx, 'read', { kind: 'municipal_config', municipalityId: tx.actor.municipalityId });
    const rows = await questionSetVersions(tx.db, tx.actor.municipalityId);
    const byCode = new Map<string, QuestionSetSummary>();
    for (const r of rows) {
      // Rows come newest first, so the first row of a code is its latest version.
      const item = byCode.get(r.code) ?? { code: r.code, title: r.title, latestVersion: r.version, versions: [] };
      item.versions.push({ version: r.version, title: r.title, publishedAt: new Date(r.published_at).toISOString(), publishedBy: r.display_name });
      byCode.set(r.code, item);
    }
    return { items: [...byCode.values()] };
  });
}

/** One version of a question set (a number, or 'latest'), as it was published. */
export async function viewQuestionSet(ctx: Ctx, code: string, version: number | 'latest'): Promise<QuestionSetView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    authorize(tx, 'read', { kind: 'municipal_config', municipalityId: mid, id: `assessment_question_set:${code}` });
    const row = version === 'latest' ? await latestQuestionSet(tx.db, mid, code) : await questionSetVersion(tx.db, mid, code, version);
    if (!row) throw new AppError('not_found');
    return toQuestionSetView(row);
  });
}
