/** 信頼関係の段階の設定: staff read the list; the 市町村管理者 edits it (municipal_config 'update'). */
import { authorize } from '../platform/access/authorize.js';
import { isStaff } from '../platform/access/relationships.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { newId } from '../platform/db/ids.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { type StageEdit, stageListProblems } from './lead-rules.js';
import { ensureDefaultTrustStages, listStages, stageSetVersion } from './trust-stage.repo.js';

export interface TrustStagesView {
  version: number;
  stages: Array<{ id: string; code: string; name: string; description: string; order: number; retired: boolean }>;
}

async function view(ctx: Ctx): Promise<TrustStagesView> {
  const mid = ctx.actor.municipalityId;
  const rows = await listStages(ctx.db, mid);
  return {
    version: await stageSetVersion(ctx.db, mid),
    stages: rows.map((r) => ({ id: r.stage_id, code: r.code, name: r.name, description: r.description, order: r.sort_order, retired: r.retired })),
  };
}

/** The stages are configuration, not personal data: staff (who record them) and administrators read them. */
export async function listTrustStages(ctx: Ctx): Promise<TrustStagesView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    if (!isStaff(tx.actor)) authorize(tx, 'read', { kind: 'municipal_config', municipalityId: mid, id: 'trust_stages' });
    return view(tx);
  });
}

/**
 * Saves the whole ordered list at once: renamed, reordered, added or retired stages. Stages are
 * never deleted (lead histories refer to them). A stale `version` is a conflict.
 */
export async function saveTrustStages(ctx: Ctx, input: { version: number; stages: StageEdit[] }): Promise<TrustStagesView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const basis = authorize(tx, 'update', { kind: 'municipal_config', municipalityId: mid, id: 'trust_stages' });
    await ensureDefaultTrustStages(tx.db, mid, { now: tx.now });
    if ((await stageSetVersion(tx.db, mid)) !== input.version) throw new AppError('conflict');
    const existing = await listStages(tx.db, mid);
    const problems = stageListProblems(
      existing.map((s) => s.stage_id),
      input.stages,
    );
    if (problems.length > 0) throw new AppError('invalid', { fields: problems });
    const bumped = await tx.db
      .updateTable('trust_stage_set')
      .set((eb) => ({ version: eb('version', '+', 1), updated_at: tx.now, updated_by_user_id: tx.actor.userId }))
      .where('municipality_id', '=', mid)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(bumped.numUpdatedRows) === 0) throw new AppError('conflict');
    let added = 0;
    for (const [i, s] of input.stages.entries()) {
      const values = { name: s.name.trim(), description: (s.description ?? '').trim(), sort_order: i + 1, retired: s.retired ?? false, updated_at: tx.now };
      if (s.id) {
        await tx.db
          .updateTable('trust_stage')
          .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
          .where('municipality_id', '=', mid)
          .where('stage_id', '=', s.id)
          .execute();
      } else {
        const id = newId();
        await tx.db.insertInto('trust_stage').values({ municipality_id: mid, stage_id: id, code: `custom_${id.replace(/-/g, '').slice(-16)}`, ...values, created_at: tx.now }).execute();
        added++;
      }
    }
    await audit(tx, { action: 'trust_stage.update', targetType: 'municipal_config', targetId: 'trust_stages', basis, details: { stages: input.stages.length, added, retired: input.stages.filter((s) => s.retired).length } });
    return view(tx);
  });
}
