import { type HttpClient, intake } from './server-process.js';

/**
 * A mixed load of virtual users over real HTTP, about 80% reads and 20% writes, as a day at the
 * counters looks: a 地域包括 worker registers a person and household, takes the consultation (with
 * consent), opens the case, writes a 経過, sends a つなぎ to 自立相談 and now and then hands the lead
 * to 子ども家庭; 自立相談 accepts what arrives and writes on the case; 子ども家庭 accepts the lead.
 * Between writes everyone searches, opens household pages, case timelines and inboxes.
 * Every write answered 2xx goes into the ledger with what it must have created.
 */
export type Ack =
  | { kind: 'person'; personId: string }
  | { kind: 'household'; householdId: string; personId: string }
  | { kind: 'intake'; consultationId: string; personId: string }
  | { kind: 'case'; caseId: string; householdId: string; leadAgencyId: string }
  | { kind: 'note'; noteId: string; caseId: string; agencyId: string }
  | { kind: 'referral'; referralId: string; caseId: string; consultationId: string; toAgencyId: string }
  | { kind: 'accept'; referralId: string }
  | { kind: 'transfer'; transferId: string; caseId: string; toAgencyId: string }
  | { kind: 'transfer_accept'; transferId: string; caseId: string; toAgencyId: string };

export interface Ledger {
  acks: Ack[];
  /** Writes that got no answer (the server died under them): each may or may not have happened. */
  unknownWrites: number;
  /** Reads answered 200. */
  reads: number;
  /** Answers other than the expected 2xx, as `<what> <status>`: none expected. */
  refused: Record<string, number>;
  /** Writes sent and not yet answered, by what they are (every write is several rows + its audit event). */
  inFlight: Record<string, number>;
}

export const newLedger = (): Ledger => ({ acks: [], unknownWrites: 0, reads: 0, refused: {}, inFlight: {} });

/** The writes in flight now, e.g. `{ referral: 1, accept: 1 }`. */
export const writesInFlight = (ledger: Ledger): Record<string, number> => Object.fromEntries(Object.entries(ledger.inFlight).filter(([, n]) => n > 0));

export const countAcks = (ledger: Ledger): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const a of ledger.acks) counts[a.kind] = (counts[a.kind] ?? 0) + 1;
  return counts;
};

export interface Agencies {
  houkatsu: string;
  jiritsu: string;
  kodomo: string;
}

/** Ends a virtual user's current story: stopped, the server is gone, or a write was refused. */
class StoryEnd extends Error {}

interface Vu {
  client: HttpClient;
  ledger: Ledger;
  stopped(): boolean;
  households: string[];
  consultations: string[];
  cases: string[];
  turn: number;
}

type Json = Record<string, unknown>;
const today = () => new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const pick = <T>(vu: Vu, list: T[]): T | undefined => (list.length === 0 ? undefined : list[vu.turn % list.length]);

async function write(vu: Vu, what: string, send: () => Promise<{ status: number; json: Json }>, expected: number): Promise<Json> {
  if (vu.stopped()) throw new StoryEnd();
  vu.ledger.inFlight[what] = (vu.ledger.inFlight[what] ?? 0) + 1;
  const res = await send().catch(() => null);
  vu.ledger.inFlight[what]! -= 1;
  if (res === null) {
    vu.ledger.unknownWrites += 1;
    throw new StoryEnd();
  }
  if (res.status !== expected) {
    const key = `${what} ${res.status}`;
    vu.ledger.refused[key] = (vu.ledger.refused[key] ?? 0) + 1;
    throw new StoryEnd();
  }
  return res.json;
}

async function read<T = Json>(vu: Vu, what: string, path: string): Promise<T> {
  if (vu.stopped()) throw new StoryEnd();
  const res = await vu.client.getJson<T>(path).catch(() => null);
  if (res === null) throw new StoryEnd();
  if (res.status !== 200) {
    const key = `${what} ${res.status}`;
    vu.ledger.refused[key] = (vu.ledger.refused[key] ?? 0) + 1;
    throw new StoryEnd();
  }
  vu.ledger.reads += 1;
  return res.json;
}

/** `n` reads of what a worker of the sending agency looks at between two writes. */
async function browse(vu: Vu, n: number): Promise<void> {
  for (let k = 0; k < n; k++) {
    vu.turn += 1;
    const household = pick(vu, vu.households);
    const kase = pick(vu, vu.cases);
    const consultation = pick(vu, vu.consultations);
    switch (vu.turn % 5) {
      case 0:
        await read(vu, 'search', `/api/v1/persons?q=${encodeURIComponent('ふか')}&limit=20`);
        break;
      case 1:
        if (household) await read(vu, 'household', `/api/v1/households/${household}`);
        break;
      case 2:
        if (kase) await read(vu, 'timeline', `/api/v1/cases/${kase}/timeline`);
        break;
      case 3:
        await read(vu, 'outbox', '/api/v1/referrals?box=outbox&limit=50');
        break;
      default:
        if (consultation) await read(vu, 'consultation', `/api/v1/consultations/${consultation}`);
    }
  }
}

/** One household's story at the sending agency; every other one ends with a lead transfer request. */
async function senderStory(vu: Vu, a: Agencies, name: string, transfer: boolean): Promise<void> {
  const { client, ledger } = vu;
  const person = await write(vu, 'person', () => client.post('/api/v1/persons', { familyName: '負荷', givenName: name, familyKana: 'ふか', givenKana: 'てすと' }), 201);
  const personId = String(person.id);
  ledger.acks.push({ kind: 'person', personId });
  await browse(vu, 4);
  const household = await write(vu, 'household', () => client.post('/api/v1/households', { label: `${name}世帯`, members: [{ personId }] }), 201);
  const householdId = String(household.id);
  ledger.acks.push({ kind: 'household', householdId, personId });
  vu.households.push(householdId);
  await browse(vu, 4);
  const consultation = await write(vu, 'intake', () => client.post('/api/v1/consultations', { ...intake(name, 0), personId }), 201);
  const consultationId = String(consultation.id);
  ledger.acks.push({ kind: 'intake', consultationId, personId });
  vu.consultations.push(consultationId);
  await browse(vu, 4);
  const kase = await write(vu, 'case', () => client.post('/api/v1/cases', { householdId, note: '負荷試験' }), 201);
  const caseId = String(kase.id);
  ledger.acks.push({ kind: 'case', caseId, householdId, leadAgencyId: a.houkatsu });
  if (!transfer) vu.cases.push(caseId);
  await browse(vu, 4);
  const note = await write(vu, 'note', () => client.post(`/api/v1/cases/${caseId}/progress-notes`, { occurredOn: today(), kind: 'visit', subject: '自宅訪問', body: '本人と面会した', personId }), 201);
  ledger.acks.push({ kind: 'note', noteId: String(note.id), caseId, agencyId: a.houkatsu });
  await browse(vu, 4);
  const referralBody = { toAgencyId: a.jiritsu, personId, consultationId, reason: '就労に向けた支援をお願いしたい', urgency: 'normal', basis: 'consent', attachments: [{ kind: 'consultation', id: consultationId }], send: true };
  const referral = await write(vu, 'referral', () => client.post('/api/v1/referrals', referralBody), 201);
  ledger.acks.push({ kind: 'referral', referralId: String(referral.id), caseId, consultationId, toAgencyId: a.jiritsu });
  await browse(vu, 4);
  if (!transfer) return;
  const moved = await write(vu, 'transfer', () => client.post(`/api/v1/cases/${caseId}/transfer`, { version: Number(kase.version), toAgencyId: a.kodomo, reason: '子育て支援が中心になったため' }), 200);
  const pending = moved.pendingTransfer as { id: string } | null;
  ledger.acks.push({ kind: 'transfer', transferId: String(pending?.id), caseId, toAgencyId: a.kodomo });
  await browse(vu, 4);
}

/** 自立相談: accepts each つなぎ that arrives and records its first contact on the case. */
async function receiverRound(vu: Vu, a: Agencies): Promise<void> {
  const inbox = await read<{ items: Array<{ id: string; status: string }> }>(vu, 'inbox', '/api/v1/referrals?box=inbox&status=open&limit=100');
  const waiting = inbox.items.filter((i) => i.status === 'requested').slice(0, 2);
  if (waiting.length === 0) return sleep(40);
  for (const item of waiting) {
    const view = await read<{ version: number; caseId: string | null; personId: string | null }>(vu, 'referral', `/api/v1/referrals/${item.id}`);
    await write(vu, 'accept', () => vu.client.post(`/api/v1/referrals/${item.id}/accept`, { version: view.version, note: '受理します' }), 200);
    vu.ledger.acks.push({ kind: 'accept', referralId: item.id });
    if (!view.caseId) continue;
    const caseId = view.caseId;
    await read(vu, 'timeline', `/api/v1/cases/${caseId}/timeline`);
    const note = await write(vu, 'receiver note', () => vu.client.post(`/api/v1/cases/${caseId}/progress-notes`, { occurredOn: today(), kind: 'phone', subject: '初回連絡', body: '本人と電話で話した', personId: view.personId }), 201);
    vu.ledger.acks.push({ kind: 'note', noteId: String(note.id), caseId, agencyId: a.jiritsu });
  }
}

/** 子ども家庭: accepts the lead of each case handed over, then opens its timeline. */
async function newLeadRound(vu: Vu, a: Agencies): Promise<void> {
  const inbox = await read<{ items: Array<{ transferId: string; caseId: string }> }>(vu, 'transfer inbox', '/api/v1/case-transfers/inbox');
  if (inbox.items.length === 0) return sleep(40);
  for (const t of inbox.items.slice(0, 2)) {
    await write(vu, 'transfer accept', () => vu.client.post(`/api/v1/case-transfers/${t.transferId}/accept`, {}), 200);
    vu.ledger.acks.push({ kind: 'transfer_accept', transferId: t.transferId, caseId: t.caseId, toAgencyId: a.kodomo });
    await read(vu, 'timeline', `/api/v1/cases/${t.caseId}/timeline`);
  }
}

export interface MixedLoadClients {
  senders: HttpClient[];
  receiver: HttpClient;
  newLead: HttpClient;
}

/**
 * Runs the virtual users until `stop` resolves (each ends its current request; one that gets no
 * answer counts as unknown). Returns when all have ended.
 */
export async function runMixedLoad(clients: MixedLoadClients, a: Agencies, tag: string, stop: Promise<unknown>, ledger: Ledger): Promise<void> {
  let stopped = false;
  void stop.then(() => {
    stopped = true;
  });
  const vu = (client: HttpClient): Vu => ({ client, ledger, stopped: () => stopped, households: [], consultations: [], cases: [], turn: 0 });
  const loop = async (round: (i: number) => Promise<void>) => {
    for (let i = 0; !stopped; i++) {
      try {
        await round(i);
      } catch (e) {
        if (!(e instanceof StoryEnd)) throw e;
      }
    }
  };
  const receiver = vu(clients.receiver);
  const newLead = vu(clients.newLead);
  await Promise.all([
    ...clients.senders.map((c, n) => {
      const v = vu(c);
      return loop((i) => senderStory(v, a, `${tag}-${n}-${i}`, i % 2 === 1));
    }),
    loop(() => receiverRound(receiver, a)),
    loop(() => newLeadRound(newLead, a)),
  ]);
}
