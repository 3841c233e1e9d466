import { sql } from 'kysely';
import { authorize } from '../../platform/access/authorize.js';
import { audit } from '../../platform/audit/record-audit.js';
import type { Ctx } from '../../platform/context.js';
import { inTransaction } from '../../platform/db/transaction.js';

/**
 * 会議の一覧: meetings the actor's agencies convene or take part in (or the actor is named in).
 * Titles, dates and types only — no household or person appears in the list.
 */
export async function listMeetings(ctx: Ctx, filter: { status?: 'upcoming' | 'closed' | 'all' | undefined; limit?: number | undefined }) {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const agencies = [...tx.actor.agencyIds];
    const basis = authorize(tx, 'list', { kind: 'meeting_material', municipalityId: mid, ownerAgencyIds: agencies });
    let q = tx.db
      .selectFrom('meeting as m')
      .innerJoin('meeting_type as t', (j) => j.onRef('t.municipality_id', '=', 'm.municipality_id').onRef('t.meeting_type_id', '=', 'm.meeting_type_id'))
      .innerJoin('agency as a', (j) => j.onRef('a.municipality_id', '=', 'm.municipality_id').onRef('a.agency_id', '=', 'm.convened_by_agency_id'))
      .select([
        'm.meeting_id',
        'm.title',
        'm.scheduled_at',
        'm.place',
        'm.status',
        't.code',
        't.name as type_name',
        'a.name as convener_name',
        sql<number>`(select count(*)::int from meeting_agenda_item i where i.municipality_id = m.municipality_id and i.meeting_id = m.meeting_id)`.as('agenda_count'),
      ])
      .where('m.municipality_id', '=', mid)
      .where((eb) =>
        eb.or([
          eb('m.convened_by_agency_id', 'in', agencies),
          eb.exists(
            eb
              .selectFrom('meeting_member as mm')
              .select(sql`1`.as('one'))
              .whereRef('mm.municipality_id', '=', 'm.municipality_id')
              .whereRef('mm.meeting_id', '=', 'm.meeting_id')
              .where((w) => w.or([w('mm.agency_id', 'in', agencies), w('mm.user_id', '=', tx.actor.userId)])),
          ),
        ]),
      );
    if (filter.status === 'closed') q = q.where('m.status', '=', 'closed');
    else if (filter.status !== 'all') q = q.where('m.status', '<>', 'closed');
    const rows = await q.orderBy('m.scheduled_at', 'desc').limit(filter.limit ?? 100).execute();
    await audit(tx, { action: 'meeting.list', targetType: 'meeting', basis, details: { returned: rows.length } });
    return {
      items: rows.map((r) => ({
        id: r.meeting_id,
        title: r.title,
        scheduledAt: new Date(r.scheduled_at).toISOString(),
        place: r.place,
        status: r.status,
        typeCode: r.code,
        typeName: r.type_name,
        convenedByAgencyName: r.convener_name,
        agendaCount: Number(r.agenda_count),
      })),
    };
  });
}
