import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { ensurePublicIntakeSetting, receivingAgencyCandidates } from './public-intake.repo.js';

export interface PublicIntakeSettingView {
  enabled: boolean;
  designatedAgencyId: string | null;
  designatedAgencyName: string | null;
  version: number;
  agencies: { id: string; name: string; kind: string }[];
}

async function view(ctx: Ctx): Promise<PublicIntakeSettingView> {
  const mid = ctx.actor.municipalityId;
  const setting = await ensurePublicIntakeSetting(ctx.db, mid, ctx.now, ctx.meta);
  const agencies = (await receivingAgencyCandidates(ctx.db, mid)).map((a) => ({ id: a.agency_id, name: a.name, kind: a.kind }));
  if (!setting) return { enabled: false, designatedAgencyId: null, designatedAgencyName: null, version: 0, agencies };
  return { enabled: setting.enabled, designatedAgencyId: setting.designatedAgencyId, designatedAgencyName: setting.designatedAgencyName, version: setting.version, agencies };
}

/** オンライン相談の設定: which agency receives the public form's consultations, and whether it is open. */
export async function viewPublicIntakeSetting(ctx: Ctx): Promise<PublicIntakeSettingView> {
  return inTransaction(ctx, async (tx) => {
    authorize(tx, 'read', { kind: 'municipal_config', municipalityId: tx.actor.municipalityId });
    return view(tx);
  });
}

export async function updatePublicIntakeSetting(ctx: Ctx, input: { enabled: boolean; designatedAgencyId: string; version: number }): Promise<PublicIntakeSettingView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const basis = authorize(tx, 'update', { kind: 'municipal_config', municipalityId: mid });
    const current = await ensurePublicIntakeSetting(tx.db, mid, tx.now, tx.meta);
    if (!current) throw new AppError('invalid', { fields: [{ path: 'designatedAgencyId', message: '受付先にできる機関がありません。先に機関を登録してください。' }] });
    if (current.version !== input.version) throw new AppError('conflict');
    const candidates = await receivingAgencyCandidates(tx.db, mid);
    if (!candidates.some((a) => a.agency_id === input.designatedAgencyId)) {
      throw new AppError('invalid', { fields: [{ path: 'designatedAgencyId', message: '受付先には、相談を受け付ける有効な機関を選んでください。' }] });
    }
    const r = await tx.db
      .updateTable('public_intake_setting')
      .set((eb) => ({ enabled: input.enabled, designated_agency_id: input.designatedAgencyId, updated_by_user_id: tx.actor.userId, updated_at: tx.now, version: eb('version', '+', 1) }))
      .where('municipality_id', '=', mid)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new AppError('conflict');
    await audit(tx, {
      action: 'public_intake_setting.update',
      targetType: 'municipal_config',
      targetId: mid,
      basis,
      details: { enabled: input.enabled, designatedAgencyId: input.designatedAgencyId, previousAgencyId: current.designatedAgencyId },
    });
    return view(tx);
  });
}
