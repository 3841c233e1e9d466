/**
 * 改ざん検査 throughput: what `npm run audit:verify -- --seal` does (seal what is pending, then walk
 * every municipality's hash chain with verifyAudit), timed on a direct handle while the server is stopped.
 */
import { sealAll } from '../server/src/platform/audit/seal-audit.js';
import { verifyAudit } from '../server/src/platform/audit/verify-audit.js';
import type { Db } from '../server/src/platform/db/database.js';

export interface AuditFigures {
  events: number;
  sealedNow: number;
  ok: boolean;
  seconds: number;
  eventsPerSecond: number;
}

export async function measureAuditVerify(db: Db): Promise<AuditFigures> {
  const sealedNow = await sealAll(db);
  const municipalities = await db.selectFrom('municipality').select('municipality_id').execute();
  let events = 0;
  let ok = true;
  const started = performance.now();
  for (const m of municipalities) {
    const result = await verifyAudit(db, m.municipality_id);
    events += result.sealed;
    ok &&= result.ok;
  }
  const ms = performance.now() - started;
  return { events, sealedNow, ok, seconds: Math.round(ms) / 1000, eventsPerSecond: ms > 0 ? Math.round((events / ms) * 1000) : 0 };
}
