import { authorize } from '../platform/access/authorize.js';
import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { loadVocabulary } from './candidates.repo.js';
import { findHost, type HostView, listHostRows, loadHostView } from './host.repo.js';
import { NEED_CODE_LIST, NEED_CODES } from './participation-codes.js';

/** 協力事業者の開拓状況: every host with its stage (directory data, not about a supported person). */
export async function listHosts(ctx: Ctx) {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    authorize(tx, 'list', { kind: 'directory', municipalityId: mid }, { auditAction: 'participation.host_list' });
    const vocab = await loadVocabulary(tx.db, mid);
    const rows = await listHostRows(tx.db, mid);
    return {
      items: rows.map((r) => ({
        id: r.host_id,
        name: r.name,
        stage: r.stage,
        stageSince: r.stage_since ?? null,
        registeredOn: r.registered_on,
        areaName: r.area_name,
        offers: r.offer_codes.map((c) => vocab.wish(c)),
        contactName: r.contact_name,
        capacity: r.capacity,
        remaining: r.capacity === null ? null : Math.max(0, r.capacity - Number(r.placed ?? 0)),
      })),
    };
  });
}

export async function viewHost(ctx: Ctx, hostId: string): Promise<HostView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    authorize(tx, 'read', { kind: 'directory', municipalityId: mid, id: hostId }, { auditAction: 'participation.host_read' });
    const host = await findHost(tx.db, mid, hostId);
    if (!host) throw new AppError('not_found');
    return loadHostView(tx.db, mid, host);
  });
}

/** What the forms offer: wishes (taxonomy), 圏域, 配慮, and the directory's organizations to link a host to. */
export async function participationOptions(ctx: Ctx) {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    authorize(tx, 'read', { kind: 'directory', municipalityId: mid }, { auditAction: 'participation.options' });
    const vocab = await loadVocabulary(tx.db, mid);
    const organizations = await tx.db.selectFrom('resource_organization').select(['organization_id', 'name']).where('municipality_id', '=', mid).orderBy('name').limit(1000).execute();
    return {
      wishes: vocab.wishes,
      areas: vocab.areas,
      needs: NEED_CODE_LIST.map((code) => ({ code, label: NEED_CODES[code].label })),
      organizations: organizations.map((o) => ({ id: o.organization_id, name: o.name })),
    };
  });
}
