import { sql } from 'kysely';
import type { DbHandle } from '../db/database.js';
import { chainHash, eventHash, GENESIS } from './event-hash.js';
import { SEAL_LOOKBACK_MS } from './seal-audit.js';

export interface AuditProblem {
  kind: 'modified' | 'deleted' | 'chain_broken' | 'inserted' | 'late_sealed';
  eventId: string | null;
  seq: number | null;
  message: string;
}

export interface AuditVerification {
  municipalityId: string;
  sealed: number;
  unsealed: number;
  ok: boolean;
  problems: AuditProblem[];
  /** Events sealed later than expected: not proof of tampering, reported for review. */
  warnings: AuditProblem[];
}

const PAGE = 5_000;
const MAX_REPORTED = 200;

/**
 * Walks the municipality's whole chain: every sealed event must still exist with the same content
 * (else modified/deleted), every link must follow from the previous one (else the seal table was
 * edited), and no unsealed event may sit where the sealer will never look (else it was inserted).
 * Unsealed events at the tail are normal (the sealer has not run yet) and are counted.
 */
export async function verifyAudit(db: DbHandle, municipalityId: string): Promise<AuditVerification> {
  const problems: AuditProblem[] = [];
  const warnings: AuditProblem[] = [];
  const report = (list: AuditProblem[], p: AuditProblem) => {
    if (list.length < MAX_REPORTED) list.push(p);
  };
  let previous = GENESIS;
  let expectedSeq = 1;
  let afterSeq = 0;
  let sealed = 0;
  let newestSealedAt = 0;
  for (;;) {
    const page = await db
      .selectFrom('audit_seal as s')
      .leftJoin('audit_event as e', (j) =>
        j.onRef('e.municipality_id', '=', 's.municipality_id').onRef('e.event_id', '=', 's.event_id'),
      )
      .select([
        's.seq',
        's.event_id as sealed_event_id',
        's.event_hash',
        's.chain_hash',
        's.late',
        'e.municipality_id',
        'e.event_id',
        'e.occurred_at',
        'e.actor_user_id',
        'e.actor_login',
        'e.action',
        'e.outcome',
        'e.target_type',
        'e.target_id',
        'e.basis',
        'e.purpose',
        'e.request_id',
        'e.client_addr',
        'e.details',
      ])
      .where('s.municipality_id', '=', municipalityId)
      .where(sql<boolean>`s.seq > ${afterSeq}`)
      .orderBy('s.seq')
      .limit(PAGE)
      .execute();
    for (const row of page) {
      const seq = Number(row.seq);
      sealed += 1;
      if (seq !== expectedSeq) {
        report(problems, { kind: 'chain_broken', eventId: row.sealed_event_id, seq, message: `封印番号が ${expectedSeq} から ${seq} に飛んでいます（封印の削除）。` });
      }
      if (row.event_id === null || row.municipality_id === null) {
        report(problems, { kind: 'deleted', eventId: row.sealed_event_id, seq, message: '封印済みの監査イベントが削除されています。' });
      } else {
        const digest = eventHash({ ...row, municipality_id: row.municipality_id, event_id: row.event_id } as never);
        if (digest !== row.event_hash) {
          report(problems, { kind: 'modified', eventId: row.event_id, seq, message: '封印後に監査イベントの内容が変更されています。' });
        }
        newestSealedAt = Math.max(newestSealedAt, new Date(row.occurred_at as Date).getTime());
      }
      const expectedChain = chainHash(previous, row.event_hash, seq);
      if (expectedChain !== row.chain_hash) {
        report(problems, { kind: 'chain_broken', eventId: row.sealed_event_id, seq, message: 'ハッシュチェーンが途切れています（封印記録の改ざん）。' });
      }
      if (row.late) {
        report(warnings, { kind: 'late_sealed', eventId: row.sealed_event_id, seq, message: '発生から時間が経ってから封印されたイベントです。' });
      }
      previous = row.chain_hash;
      expectedSeq = seq + 1;
      afterSeq = seq;
    }
    if (page.length < PAGE) break;
  }

  const unsealedRows = await sql<{ event_id: string; occurred_at: Date }>`
    select e.event_id, e.occurred_at from audit_event e
    where e.municipality_id = ${municipalityId}
      and not exists (select 1 from audit_seal s where s.municipality_id = e.municipality_id and s.event_id = e.event_id)
    order by e.occurred_at`.execute(db);
  const horizon = newestSealedAt - SEAL_LOOKBACK_MS;
  for (const e of unsealedRows.rows) {
    if (sealed > 0 && new Date(e.occurred_at).getTime() < horizon) {
      report(problems, { kind: 'inserted', eventId: e.event_id, seq: null, message: '封印済みの期間に、封印されていない監査イベントが挿入されています。' });
    }
  }
  return { municipalityId, sealed, unsealed: unsealedRows.rows.length, ok: problems.length === 0, problems, warnings };
}
