import { ROLES, type Role } from '../platform/access/actor.js';
import { authorize } from '../platform/access/authorize.js';
import { ROLE_LABELS } from '../platform/access/index.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';

export interface RoleSettingItem {
  role: Role;
  label: string;
  requireTotp: boolean;
  version: number;
}

async function readSettings(ctx: Ctx): Promise<RoleSettingItem[]> {
  const rows = await ctx.db.selectFrom('role_setting').selectAll().where('municipality_id', '=', ctx.actor.municipalityId).execute();
  return ROLES.map((role) => {
    const row = rows.find((r) => r.role === role);
    return { role, label: ROLE_LABELS[role], requireTotp: row?.require_totp ?? false, version: row?.version ?? 0 };
  });
}

/** ロール設定: whether each role must use a TOTP second factor. */
export async function listRoleSettings(ctx: Ctx): Promise<RoleSettingItem[]> {
  return inTransaction(ctx, async (tx) => {
    authorize(tx, 'read', { kind: 'municipal_config', municipalityId: tx.actor.municipalityId });
    return readSettings(tx);
  });
}

/** Version 0 means "never saved"; the first save inserts, later saves compare versions. */
export async function updateRoleSetting(ctx: Ctx, input: { role: Role; requireTotp: boolean; version: number }) {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const basis = authorize(tx, 'update', { kind: 'municipal_config', municipalityId: mid, id: `role:${input.role}` });
    if (input.version === 0) {
      const inserted = await tx.db
        .insertInto('role_setting')
        .values({ municipality_id: mid, role: input.role, require_totp: input.requireTotp, created_at: tx.now, updated_at: tx.now })
        .onConflict((oc) => oc.columns(['municipality_id', 'role']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) throw new AppError('conflict');
    } else {
      const updated = await tx.db
        .updateTable('role_setting')
        .set((eb) => ({ require_totp: input.requireTotp, updated_at: tx.now, version: eb('version', '+', 1) }))
        .where('municipality_id', '=', mid)
        .where('role', '=', input.role)
        .where('version', '=', input.version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) throw new AppError('conflict');
    }
    await audit(tx, { action: 'role_setting.update', targetType: 'municipal_config', targetId: `role:${input.role}`, basis, details: { requireTotp: input.requireTotp } });
    return (await readSettings(tx)).find((s) => s.role === input.role)!;
  });
}
