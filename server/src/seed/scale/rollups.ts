/**
 * The derived analytics tables (consultation_household, household_first_consultation: migration
 * 202611281000; case_timing: 202611291000; household_year_concerns: 202611291010; daily_record_count:
 * 202611301010; community_partner_month: 202611301020) while the generator loads: their statement
 * triggers would refresh every batch's persons and cases and read consultations by person, an index the
 * load has dropped. The triggers are off during the load (on again after it, failed or not) and the
 * municipality's rows are rebuilt once, set-based, when the indexes are back. A load that fails before
 * the rebuild leaves no completion marker, as for the rest.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';

const ROLLUP_TRIGGERS: ReadonlyArray<{ table: string; trigger: string }> = ['insert', 'update', 'delete'].flatMap((op) => [
  { table: 'consultation', trigger: `rollup_consultation_${op}` },
  { table: 'consultation', trigger: `rollup_consultation_count_${op}` },
  { table: 'progress_note', trigger: `rollup_progress_note_count_${op}` },
  { table: 'community_session', trigger: `rollup_community_session_${op}` },
  { table: 'community_session_partner', trigger: `rollup_community_session_partner_${op}` },
  { table: 'household_membership', trigger: `rollup_membership_${op}` },
  { table: 'support_case', trigger: `rollup_case_${op}` },
  { table: 'support_plan_version', trigger: `rollup_plan_version_${op}` },
  ...(op === 'insert' ? [] : [{ table: 'support_plan', trigger: `rollup_plan_${op}` }]),
]);

async function setRollupTriggers(db: Db, enabled: boolean): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const t of ROLLUP_TRIGGERS) await sql.raw(`alter table ${t.table} ${enabled ? 'enable' : 'disable'} trigger ${t.trigger}`).execute(trx);
  });
}

/** Runs `load` with the roll-up triggers off; they are on again afterwards, whether it succeeded or not. */
export async function withRollupTriggersOff<T>(db: Db, load: () => Promise<T>): Promise<T> {
  await setRollupTriggers(db, false);
  try {
    return await load();
  } finally {
    await setRollupTriggers(db, true);
  }
}

/** Derives the municipality's roll-ups from its records at once (after the load's indexes are back). */
export async function rebuildRollups(db: Db, municipalityId: string): Promise<void> {
  await sql`select analytics_rollup_rebuild(${municipalityId}::uuid)`.execute(db);
}
