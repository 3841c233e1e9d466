import { sql } from 'kysely';
import { isoDayInJapan } from '../consultation/japanese/japanese-date.js';
import { personFacts } from '../consultation/person.repo.js';
import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { loadVocabulary } from './candidates.repo.js';
import { needVisibleTo } from './need.repo.js';

export interface NeedListFilter {
  scope: 'mine' | 'agency';
  status: 'active' | 'closed' | 'all';
  personId?: string | undefined;
}

/**
 * 参加支援の一覧: needs kept by the actor's agencies or on cases they lead or are on the team of
 * (担当が自分 with scope 'mine'), with the running placements and 定着支援 due or overdue. For a
 * person's page, the person must be one the actor may read.
 */
export async function listNeeds(ctx: Ctx, filter: NeedListFilter) {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const agencies = [...tx.actor.agencyIds];
    if (filter.personId) {
      const person = await personFacts(tx.db, mid, filter.personId);
      authorize(tx, 'read', person ?? { kind: 'person', municipalityId: mid, id: filter.personId }, { auditAction: 'participation.list' });
    }
    const basis = authorize(tx, 'list', { kind: 'participation', municipalityId: mid, ownerAgencyIds: agencies }, { auditAction: 'participation.list' });
    const today = isoDayInJapan(tx.now);
    let q = tx.db
      .selectFrom('participation_need as n')
      .innerJoin('person as p', (j) => j.onRef('p.municipality_id', '=', 'n.municipality_id').onRef('p.person_id', '=', 'n.person_id'))
      .innerJoin('agency as a', (j) => j.onRef('a.municipality_id', '=', 'n.municipality_id').onRef('a.agency_id', '=', 'n.keeping_agency_id'))
      .innerJoin('app_user as u', (j) => j.onRef('u.municipality_id', '=', 'n.municipality_id').onRef('u.user_id', '=', 'n.worker_user_id'))
      .select([
        'n.need_id',
        'n.person_id',
        'n.status',
        'n.opened_on',
        'n.closed_on',
        'n.wish_codes',
        'p.family_name',
        'p.given_name',
        'a.name as agency_name',
        'u.display_name as worker_name',
        sql<number>`(select count(*)::int from participation_placement pl where pl.municipality_id = n.municipality_id and pl.need_id = n.need_id and pl.status in ('arranging', 'active'))`.as('running'),
        sql<number>`(select count(*)::int from participation_followup f join participation_placement pl on pl.municipality_id = f.municipality_id and pl.placement_id = f.placement_id
          where pl.municipality_id = n.municipality_id and pl.need_id = n.need_id and pl.status in ('arranging', 'active') and f.done_on is null and f.due_on < ${today})`.as('overdue'),
        sql<string | null>`(select min(f.due_on)::text from participation_followup f join participation_placement pl on pl.municipality_id = f.municipality_id and pl.placement_id = f.placement_id
          where pl.municipality_id = n.municipality_id and pl.need_id = n.need_id and pl.status in ('arranging', 'active') and f.done_on is null)`.as('next_due_on'),
      ])
      .where('n.municipality_id', '=', mid)
      .where(needVisibleTo(agencies));
    if (filter.scope === 'mine') q = q.where('n.worker_user_id', '=', tx.actor.userId);
    if (filter.status !== 'all') q = q.where('n.status', '=', filter.status);
    if (filter.personId) q = q.where('n.person_id', '=', filter.personId);
    const rows = await q.orderBy('n.opened_on', 'desc').orderBy('n.need_id', 'desc').limit(200).execute();
    const vocab = await loadVocabulary(tx.db, mid);
    await audit(tx, {
      action: 'participation.list',
      targetType: filter.personId ? 'person' : 'participation',
      targetId: filter.personId ?? null,
      basis,
      details: { scope: filter.scope, status: filter.status, returned: rows.length },
    });
    return {
      items: rows.map((r) => ({
        id: r.need_id,
        personId: r.person_id,
        personName: `${r.family_name} ${r.given_name}`.trim(),
        status: r.status,
        openedOn: r.opened_on,
        closedOn: r.closed_on,
        wishes: r.wish_codes.map((c) => vocab.wish(c)),
        keepingAgencyName: r.agency_name,
        workerName: r.worker_name,
        runningPlacements: r.running,
        overdueFollowups: r.overdue,
        nextDueOn: r.next_due_on,
      })),
    };
  });
}
