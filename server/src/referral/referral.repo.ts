/** SQL for つなぐ (referral): the record, its attachments and state history, and the settings. */
import type { RecordFacts } from '../platform/access/index.js';
import type { DbHandle } from '../platform/db/database.js';
import type { ReferralAttachmentKind, ReferralStatus } from '../platform/db/schema.js';

/**
 * The referral record belongs to the sending agency; once sent, also to the receiving agency
 * (both see the referral itself, which side may do what is the state machine's business).
 */
export async function referralRecordFacts(db: DbHandle, municipalityId: string, referralId: string): Promise<RecordFacts> {
  const row = await db
    .selectFrom('referral')
    .select(['from_agency_id', 'to_agency_id', 'status'])
    .where('municipality_id', '=', municipalityId)
    .where('referral_id', '=', referralId)
    .executeTakeFirst();
  if (!row) return { kind: 'referral', municipalityId, id: referralId };
  const owners = row.status === 'draft' ? [row.from_agency_id] : [row.from_agency_id, row.to_agency_id];
  return { kind: 'referral', municipalityId, id: referralId, ownerAgencyIds: owners };
}

export async function loadReferral(db: DbHandle, municipalityId: string, referralId: string) {
  const row = await db
    .selectFrom('referral as r')
    .innerJoin('agency as fa', (j) => j.onRef('fa.municipality_id', '=', 'r.municipality_id').onRef('fa.agency_id', '=', 'r.from_agency_id'))
    .innerJoin('agency as ta', (j) => j.onRef('ta.municipality_id', '=', 'r.municipality_id').onRef('ta.agency_id', '=', 'r.to_agency_id'))
    .innerJoin('app_user as u', (j) => j.onRef('u.municipality_id', '=', 'r.municipality_id').onRef('u.user_id', '=', 'r.created_by_user_id'))
    .leftJoin('app_user as ou', (j) => j.onRef('ou.municipality_id', '=', 'r.municipality_id').onRef('ou.user_id', '=', 'r.override_by_user_id'))
    .leftJoin('person as p', (j) => j.onRef('p.municipality_id', '=', 'r.municipality_id').onRef('p.person_id', '=', 'r.person_id'))
    .leftJoin('household as h', (j) => j.onRef('h.municipality_id', '=', 'r.municipality_id').onRef('h.household_id', '=', 'r.household_id'))
    .selectAll('r')
    .select(['fa.name as from_name', 'ta.name as to_name', 'u.display_name as created_by', 'ou.display_name as override_by', 'p.family_name', 'p.given_name', 'h.label as household_label'])
    .where('r.municipality_id', '=', municipalityId)
    .where('r.referral_id', '=', referralId)
    .executeTakeFirst();
  if (!row) return null;
  const history = await db
    .selectFrom('referral_event as e')
    .innerJoin('app_user as u', (j) => j.onRef('u.municipality_id', '=', 'e.municipality_id').onRef('u.user_id', '=', 'e.by_user_id'))
    .innerJoin('agency as a', (j) => j.onRef('a.municipality_id', '=', 'e.municipality_id').onRef('a.agency_id', '=', 'e.by_agency_id'))
    .select(['e.seq', 'e.from_status', 'e.to_status', 'e.at', 'e.note', 'u.display_name', 'a.name'])
    .where('e.municipality_id', '=', municipalityId)
    .where('e.referral_id', '=', referralId)
    .orderBy('e.seq')
    .execute();
  const attachments = await attachmentsOf(db, municipalityId, referralId);
  return { row, history, attachments };
}
export type LoadedReferral = NonNullable<Awaited<ReturnType<typeof loadReferral>>>;

/** Attached records with a short label (kind, date, summary/subject). */
async function attachmentsOf(db: DbHandle, municipalityId: string, referralId: string) {
  const consultations = await db
    .selectFrom('referral_attachment as a')
    .innerJoin('consultation as c', (j) => j.onRef('c.municipality_id', '=', 'a.municipality_id').onRef('c.consultation_id', '=', 'a.record_id'))
    .select(['a.record_id as id', 'c.received_on as date', 'c.summary as text'])
    .where('a.municipality_id', '=', municipalityId)
    .where('a.referral_id', '=', referralId)
    .where('a.record_kind', '=', 'consultation')
    .execute();
  const notes = await db
    .selectFrom('referral_attachment as a')
    .innerJoin('progress_note as n', (j) => j.onRef('n.municipality_id', '=', 'a.municipality_id').onRef('n.progress_note_id', '=', 'a.record_id'))
    .select(['a.record_id as id', 'n.occurred_on as date', 'n.subject as text', 'n.case_id'])
    .where('a.municipality_id', '=', municipalityId)
    .where('a.referral_id', '=', referralId)
    .where('a.record_kind', '=', 'progress_note')
    .execute();
  return [
    ...consultations.map((c) => ({ kind: 'consultation' as const, id: c.id, date: String(c.date), label: `相談受付: ${excerpt(c.text)}` })),
    ...notes.map((n) => ({ kind: 'progress_note' as const, id: n.id, date: String(n.date), label: `支援経過記録: ${excerpt(n.text)}` })),
  ].sort((a, b) => a.date.localeCompare(b.date));
}

export function excerpt(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

export async function replaceAttachments(db: DbHandle, municipalityId: string, referralId: string, items: readonly { kind: ReferralAttachmentKind; id: string }[]) {
  await db.deleteFrom('referral_attachment').where('municipality_id', '=', municipalityId).where('referral_id', '=', referralId).execute();
  const unique = [...new Map(items.map((i) => [`${i.kind}:${i.id}`, i])).values()];
  if (unique.length === 0) return;
  await db
    .insertInto('referral_attachment')
    .values(unique.map((i) => ({ municipality_id: municipalityId, referral_id: referralId, record_kind: i.kind, record_id: i.id })))
    .execute();
}

export async function appendReferralEvent(
  db: DbHandle,
  e: { municipalityId: string; referralId: string; from: ReferralStatus | null; to: ReferralStatus; at: Date; userId: string; agencyId: string; note?: string | null },
) {
  const last = await db
    .selectFrom('referral_event')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('municipality_id', '=', e.municipalityId)
    .where('referral_id', '=', e.referralId)
    .executeTakeFirst();
  await db
    .insertInto('referral_event')
    .values({
      municipality_id: e.municipalityId,
      referral_id: e.referralId,
      seq: Number(last?.seq ?? 0) + 1,
      from_status: e.from,
      to_status: e.to,
      at: e.at,
      by_user_id: e.userId,
      by_agency_id: e.agencyId,
      note: e.note ?? null,
    })
    .execute();
}

export interface ReferralSettings {
  alertWorkingDays: number;
  noContactDays: number;
  version: number;
}

/** つなぐの設定 of the municipality; defaults (3 working days, 30 days) until an admin saves them. */
export async function loadReferralSettings(db: DbHandle, municipalityId: string): Promise<ReferralSettings> {
  const row = await db.selectFrom('referral_setting').selectAll().where('municipality_id', '=', municipalityId).executeTakeFirst();
  return row ? { alertWorkingDays: row.alert_working_days, noContactDays: row.no_contact_days, version: row.version } : { alertWorkingDays: 3, noContactDays: 30, version: 0 };
}
