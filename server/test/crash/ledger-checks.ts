import type { OpenDatabase } from '../../src/platform/db/database.js';
import type { Ledger } from './mixed-load.js';

type Db = OpenDatabase['db'];

/** Audit actions of the writes the mixed load makes: each one's target must exist, whole. */
const WRITE_ACTIONS = ['person.create', 'household.create', 'consultation.create', 'case.open', 'progress_note.create', 'referral.create', 'referral.accept', 'case.transfer_requested', 'case.transfer_accepted'];
const AFTER_ACCEPTED = ['accepted', 'in_progress', 'on_hold', 'completed', 'failed'];

const group = <T, K>(rows: readonly T[], key: (r: T) => K): Map<K, T[]> => {
  const m = new Map<K, T[]>();
  for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
  return m;
};
const time = (d: Date | string | null) => (d === null ? null : new Date(d).getTime());

/** Everything written since `since`, read straight from the database after the crash and restart. */
async function load(db: Db, since: Date) {
  const persons = await db.selectFrom('person').select('person_id').where('created_at', '>=', since).execute();
  const households = await db.selectFrom('household').select('household_id').where('created_at', '>=', since).execute();
  const memberships = await db.selectFrom('household_membership').select(['household_id', 'person_id']).where('created_at', '>=', since).execute();
  const consultations = await db.selectFrom('consultation').select(['consultation_id', 'person_id']).where('created_at', '>=', since).execute();
  const consents = await db.selectFrom('consent').select('consultation_id').where('recorded_at', '>=', since).execute();
  const cases = await db.selectFrom('support_case').select(['case_id', 'household_id', 'lead_agency_id']).where('created_at', '>=', since).execute();
  const periods = await db.selectFrom('case_lead_period').select(['case_id', 'agency_id', 'started_at', 'ended_at']).where('started_at', '>=', since).execute();
  const transfers = await db.selectFrom('case_lead_transfer').select(['transfer_id', 'case_id', 'to_agency_id', 'status', 'decided_at']).where('requested_at', '>=', since).execute();
  const notes = await db.selectFrom('progress_note').select(['progress_note_id', 'case_id', 'author_agency_id']).where('created_at', '>=', since).execute();
  const referrals = await db.selectFrom('referral').select(['referral_id', 'status', 'case_id', 'consultation_id', 'to_agency_id']).where('created_at', '>=', since).execute();
  const events = await db.selectFrom('referral_event').select(['referral_id', 'seq', 'from_status', 'to_status']).where('at', '>=', since).orderBy('seq').execute();
  const ids = referrals.map((r) => r.referral_id);
  const attachments = ids.length === 0 ? [] : await db.selectFrom('referral_attachment').select(['referral_id', 'record_kind', 'record_id']).where('referral_id', 'in', ids).execute();
  const audits = await db
    .selectFrom('audit_event')
    .select(['action', 'target_id', 'details'])
    .where('occurred_at', '>=', since)
    .where('outcome', '=', 'success')
    .where('action', 'in', WRITE_ACTIONS)
    .execute();
  return { persons, households, memberships, consultations, consents, cases, periods, transfers, notes, referrals, events, attachments, audits };
}

/**
 * After SIGKILL and restart: every acknowledged write is present and whole, and every row written
 * since `since` — acknowledged or not — is whole (no referral without its events, no intake without
 * its consent, no audit event of a write that is not there). Returns the problems found (none
 * expected) and how many acknowledged writes of each kind were checked.
 */
export async function checkAfterCrash(db: Db, since: Date, ledger: Ledger): Promise<{ problems: string[]; checked: number }> {
  const d = await load(db, since);
  const problems: string[] = [];
  const fail = (msg: string) => problems.push(msg);
  const auditCount = new Map<string, number>();
  for (const e of d.audits) {
    const transferId = (e.details as { transferId?: string } | null)?.transferId;
    for (const key of [`${e.action}|${e.target_id}`, ...(transferId ? [`${e.action}|transfer:${transferId}`] : [])]) auditCount.set(key, (auditCount.get(key) ?? 0) + 1);
  }
  const audited = (action: string, id: string) => auditCount.get(`${action}|${id}`) ?? 0;
  const persons = new Set(d.persons.map((p) => p.person_id));
  const households = new Set(d.households.map((h) => h.household_id));
  const members = group(d.memberships, (m) => m.household_id);
  const consultations = new Map(d.consultations.map((c) => [c.consultation_id, c]));
  const consents = group(d.consents, (c) => c.consultation_id);
  const cases = new Map(d.cases.map((c) => [c.case_id, c]));
  const periods = group(d.periods, (p) => p.case_id);
  const transfers = new Map(d.transfers.map((t) => [t.transfer_id, t]));
  const transfersOf = group(d.transfers, (t) => t.case_id);
  const notes = new Map(d.notes.map((n) => [n.progress_note_id, n]));
  const referrals = new Map(d.referrals.map((r) => [r.referral_id, r]));
  const events = group(d.events, (e) => e.referral_id);
  const attachments = group(d.attachments, (a) => a.referral_id);

  // Whole or absent, acknowledged or not.
  for (const id of persons) if (audited('person.create', id) !== 1) fail(`person ${id}: person.create audited ${audited('person.create', id)}×`);
  for (const id of households) {
    if ((members.get(id) ?? []).length !== 1) fail(`household ${id}: ${(members.get(id) ?? []).length} memberships, 1 written with it`);
    if (audited('household.create', id) !== 1) fail(`household ${id}: household.create audited ${audited('household.create', id)}×`);
  }
  for (const id of consultations.keys()) {
    if ((consents.get(id) ?? []).length !== 1) fail(`consultation ${id}: ${(consents.get(id) ?? []).length} consents`);
    if (audited('consultation.create', id) !== 1) fail(`consultation ${id}: consultation.create audited ${audited('consultation.create', id)}×`);
  }
  for (const c of cases.values()) {
    if (audited('case.open', c.case_id) !== 1) fail(`case ${c.case_id}: case.open audited ${audited('case.open', c.case_id)}×`);
    const ps = [...(periods.get(c.case_id) ?? [])].sort((x, y) => time(x.started_at)! - time(y.started_at)!);
    const open = ps.filter((p) => p.ended_at === null);
    if (open.length !== 1 || open[0]!.agency_id !== c.lead_agency_id) fail(`case ${c.case_id}: open lead periods ${JSON.stringify(open.map((p) => p.agency_id))}, lead ${c.lead_agency_id}`);
    for (let i = 1; i < ps.length; i++) if (time(ps[i - 1]!.ended_at) !== time(ps[i]!.started_at)) fail(`case ${c.case_id}: lead periods not contiguous`);
    const accepted = (transfersOf.get(c.case_id) ?? []).filter((t) => t.status === 'accepted').length;
    if (ps.length !== 1 + accepted) fail(`case ${c.case_id}: ${ps.length} lead periods for ${accepted} accepted transfers`);
  }
  for (const t of transfers.values()) {
    if (audited('case.transfer_requested', `transfer:${t.transfer_id}`) !== 1) fail(`transfer ${t.transfer_id}: request not audited once`);
    const acceptedAudits = audited('case.transfer_accepted', `transfer:${t.transfer_id}`);
    if (t.status === 'accepted') {
      const c = cases.get(t.case_id);
      if (acceptedAudits !== 1) fail(`transfer ${t.transfer_id}: accepted, audited ${acceptedAudits}×`);
      if (c?.lead_agency_id !== t.to_agency_id) fail(`transfer ${t.transfer_id}: accepted but case lead is ${c?.lead_agency_id}`);
      if (!(periods.get(t.case_id) ?? []).some((p) => p.agency_id === t.to_agency_id && time(p.started_at) === time(t.decided_at))) fail(`transfer ${t.transfer_id}: no lead period from its acceptance`);
    } else if (t.status !== 'requested' || acceptedAudits !== 0) fail(`transfer ${t.transfer_id}: status ${t.status}, accepted audits ${acceptedAudits}`);
  }
  for (const id of notes.keys()) if (audited('progress_note.create', id) !== 1) fail(`note ${id}: progress_note.create audited ${audited('progress_note.create', id)}×`);
  for (const r of referrals.values()) {
    const evs = events.get(r.referral_id) ?? [];
    const chain = evs.every((e, i) => e.seq === i + 1 && e.from_status === (i === 0 ? null : evs[i - 1]!.to_status));
    if (evs.length < 2 || evs[0]!.to_status !== 'draft' || !chain || evs.at(-1)!.to_status !== r.status) {
      fail(`referral ${r.referral_id} (${r.status}): events ${JSON.stringify(evs.map((e) => [e.seq, e.from_status, e.to_status]))}`);
    }
    if ((attachments.get(r.referral_id) ?? []).length !== 1) fail(`referral ${r.referral_id}: ${(attachments.get(r.referral_id) ?? []).length} attachments, 1 sent`);
    if (audited('referral.create', r.referral_id) !== 1) fail(`referral ${r.referral_id}: referral.create audited ${audited('referral.create', r.referral_id)}×`);
    const accepts = evs.filter((e) => e.to_status === 'accepted').length;
    if (audited('referral.accept', r.referral_id) !== accepts) fail(`referral ${r.referral_id}: ${accepts} accept events, ${audited('referral.accept', r.referral_id)} audited`);
  }
  // No audit event of a write that is not there.
  const exists: Record<string, (id: string) => boolean> = {
    'person.create': (id) => persons.has(id),
    'household.create': (id) => households.has(id),
    'consultation.create': (id) => consultations.has(id),
    'case.open': (id) => cases.has(id),
    'progress_note.create': (id) => notes.has(id),
    'referral.create': (id) => referrals.has(id),
    'referral.accept': (id) => (events.get(id) ?? []).some((e) => e.to_status === 'accepted'),
    'case.transfer_requested': (id) => cases.has(id),
    'case.transfer_accepted': (id) => cases.has(id),
  };
  for (const e of d.audits) if (!exists[e.action]!(e.target_id ?? '')) fail(`audit ${e.action} → ${e.target_id}: target missing`);

  // Every acknowledged write is there as it was answered.
  for (const a of ledger.acks) {
    const at = JSON.stringify(a);
    switch (a.kind) {
      case 'person':
        if (!persons.has(a.personId)) fail(`acknowledged ${at} missing`);
        break;
      case 'household':
        if (!households.has(a.householdId) || !(members.get(a.householdId) ?? []).some((m) => m.person_id === a.personId)) fail(`acknowledged ${at} missing or without its member`);
        break;
      case 'intake':
        if (consultations.get(a.consultationId)?.person_id !== a.personId) fail(`acknowledged ${at} missing`);
        break;
      case 'case':
        if (cases.get(a.caseId)?.household_id !== a.householdId) fail(`acknowledged ${at} missing`);
        break;
      case 'note': {
        const n = notes.get(a.noteId);
        if (n?.case_id !== a.caseId || n.author_agency_id !== a.agencyId) fail(`acknowledged ${at} missing`);
        break;
      }
      case 'referral': {
        const r = referrals.get(a.referralId);
        const sent = (events.get(a.referralId) ?? []).some((e) => e.to_status === 'requested');
        const attached = (attachments.get(a.referralId) ?? []).some((x) => x.record_kind === 'consultation' && x.record_id === a.consultationId);
        if (!r || r.case_id !== a.caseId || r.consultation_id !== a.consultationId || r.to_agency_id !== a.toAgencyId || r.status === 'draft' || !sent || !attached) fail(`acknowledged ${at} missing or not sent`);
        break;
      }
      case 'accept': {
        const r = referrals.get(a.referralId);
        if (!r || !AFTER_ACCEPTED.includes(r.status) || !(events.get(a.referralId) ?? []).some((e) => e.to_status === 'accepted')) fail(`acknowledged ${at} not applied (${r?.status})`);
        break;
      }
      case 'transfer': {
        const t = transfers.get(a.transferId);
        if (t?.case_id !== a.caseId || t.to_agency_id !== a.toAgencyId) fail(`acknowledged ${at} missing`);
        break;
      }
      case 'transfer_accept':
        if (transfers.get(a.transferId)?.status !== 'accepted' || cases.get(a.caseId)?.lead_agency_id !== a.toAgencyId) fail(`acknowledged ${at} not applied`);
        break;
    }
  }
  return { problems, checked: ledger.acks.length };
}
