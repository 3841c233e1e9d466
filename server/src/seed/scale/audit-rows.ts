/**
 * Audit events of the generated history, sealed as they are generated: each event's hash and the
 * chain link are computed with the server's own functions (event-hash.ts), so `verifyAudit` walks
 * the generated chain like any other and the background sealer, which continues from the newest
 * link, has nothing of the past left to seal. Events of other writers (the demo part, module
 * stages) are sealed afterwards by `sealRemaining`, in occurred_at order.
 */
import { sql } from 'kysely';
import { chainHash, eventHash, GENESIS } from '../../platform/audit/event-hash.js';
import type { Db } from '../../platform/db/database.js';
import { bulkInsert } from './bulk-insert.js';
import type { RowBuffer } from './row-buffer.js';

export interface GeneratedEvent {
  occurredAt: Date;
  actorUserId: string;
  actorLogin: string;
  action: string;
  targetType: string;
  targetId: string;
  basis: string | null;
  details: Record<string, unknown>;
}

/** The seed's own links are written on time: a generated past was not sealed late. */
const SEALED_AFTER_MS = 1_000;

export class AuditChain {
  private seq = 0;
  private previous = GENESIS;
  count = 0;

  constructor(
    private readonly municipalityId: string,
    /** The next generated id (ids.ts). */
    private readonly id: () => string,
  ) {}

  /** Continues after the newest link already in the database (the demo part may have sealed some). */
  async resume(db: Db): Promise<void> {
    const last = await db.selectFrom('audit_seal').select(['seq', 'chain_hash']).where('municipality_id', '=', this.municipalityId).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    if (last) {
      this.seq = Number(last.seq);
      this.previous = last.chain_hash;
    }
  }

  add(out: RowBuffer, e: GeneratedEvent): void {
    const row = {
      municipality_id: this.municipalityId,
      event_id: this.id(),
      occurred_at: e.occurredAt,
      actor_user_id: e.actorUserId,
      actor_login: e.actorLogin,
      action: e.action,
      outcome: 'success',
      target_type: e.targetType,
      target_id: e.targetId,
      basis: e.basis,
      purpose: null,
      request_id: 'seed',
      client_addr: null,
      details: e.details,
    };
    out.add('audit_event', row);
    this.link(out, row.event_id, eventHash(row), new Date(e.occurredAt.getTime() + SEALED_AFTER_MS));
  }

  private link(out: RowBuffer, eventId: string, digest: string, sealedAt: Date): void {
    this.seq += 1;
    this.previous = chainHash(this.previous, digest, this.seq);
    out.add('audit_seal', { municipality_id: this.municipalityId, seq: this.seq, event_id: eventId, event_hash: digest, chain_hash: this.previous, sealed_at: sealedAt, late: false });
    this.count += 1;
  }

  /**
   * Seals every event of the municipality that has no link yet (the demo part's, the module stages',
   * the completion marker), oldest first, so nothing unsealed is left behind the newest link.
   */
  async sealRemaining(db: Db, now: Date): Promise<number> {
    let sealed = 0;
    for (;;) {
      const pending = await sql<Record<string, unknown>>`
        select e.* from audit_event e
        where e.municipality_id = ${this.municipalityId}
          and not exists (select 1 from audit_seal s where s.municipality_id = e.municipality_id and s.event_id = e.event_id)
        order by e.occurred_at, e.event_id limit 5000`.execute(db);
      if (pending.rows.length === 0) return sealed;
      const buffer: Array<Record<string, unknown>> = [];
      for (const e of pending.rows) {
        this.seq += 1;
        const digest = eventHash(e as never);
        this.previous = chainHash(this.previous, digest, this.seq);
        buffer.push({ municipality_id: this.municipalityId, seq: this.seq, event_id: e.event_id, event_hash: digest, chain_hash: this.previous, sealed_at: now, late: false });
      }
      await bulkInsert(db, 'audit_seal', buffer);
      sealed += buffer.length;
    }
  }
}
