/** 参加団体の一覧・登録 (NPO, 自治会, 学校, 企業…; optionally an organization of the directory). */
import type { z } from 'zod';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { newId } from '../platform/db/ids.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { authorizeDirectory } from './community-access.js';
import type { PartnerBody } from './community.schemas.js';
import { checkRef, listPartnerRows } from './partner.repo.js';

export async function listPartners(ctx: Ctx) {
  return inTransaction(ctx, async (tx) => {
    authorizeDirectory(tx, 'list', 'community_partner.list');
    return { items: await listPartnerRows(tx.db, tx.actor.municipalityId) };
  });
}

export async function createPartner(ctx: Ctx, input: z.output<typeof PartnerBody>) {
  return inTransaction(ctx, async (tx) => {
    const basis = authorizeDirectory(tx, 'create', 'community_partner.create');
    const mid = tx.actor.municipalityId;
    await checkRef(tx.db, mid, 'resource_organization', input.organizationId, 'organizationId');
    const taken = await tx.db.selectFrom('community_partner').select('partner_id').where('municipality_id', '=', mid).where('name', '=', input.name).executeTakeFirst();
    if (taken) throw new AppError('duplicate', { fields: [{ path: 'name', message: '同じ名前の参加団体がすでに登録されています。' }] });
    const id = newId();
    await tx.db
      .insertInto('community_partner')
      .values({ municipality_id: mid, partner_id: id, name: input.name, kind: input.kind, organization_id: input.organizationId ?? null, created_at: tx.now, updated_at: tx.now })
      .execute();
    await audit(tx, { action: 'community_partner.create', targetType: 'community_partner', targetId: id, basis, details: { kind: input.kind, organizationId: input.organizationId ?? null } });
    return (await listPartnerRows(tx.db, mid)).find((p) => p.id === id)!;
  });
}
