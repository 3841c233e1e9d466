import { ensureDefaultMeetingTypes } from '../collaboration/meeting/default-meeting-types.js';
import { ensureDefaultQuestionSet } from '../consultation/assessment/default-question-set.js';
import type { Db } from '../platform/db/database.js';
import { ensureDefaultTaxonomy } from '../resources/default-taxonomy.js';
import { ensureDefaultTrustStages } from '../outreach/trust-stage.repo.js';
import { ensurePublicIntakeSetting } from '../public-intake/public-intake.repo.js';
import { ensureDefaultFundingRates } from '../funding/default-funding-rates.js';
import { fiscalYearOf } from '../community/kpi.js';
import { isoDayInJapan } from '../consultation/japanese/japanese-date.js';
import { newId } from '../platform/db/ids.js';
import { sql } from 'kysely';

/**
 * Upgrade step at every start: a municipality set up before a release that ships new standard
 * configuration (the default アセスメント question set, the 支援会議/重層的支援会議 meeting types) gets
 * what it lacks. Both helpers only insert what is missing (by code), so a municipality's own edits
 * and versions stay untouched. The question set is published in the name of the municipality's
 * first 市町村管理者; a municipality without one gets it at its administrator's setup instead.
 */
export async function ensureMunicipalityDefaults(db: Db): Promise<void> {
  const municipalities = await db.selectFrom('municipality').select('municipality_id').execute();
  for (const { municipality_id: municipalityId } of municipalities) {
    await db.transaction().execute(async (trx) => {
      await ensureDefaultMeetingTypes(trx, municipalityId);
      await ensureDefaultTaxonomy(trx, municipalityId);
      await ensureDefaultTrustStages(trx, municipalityId);
      await ensurePublicIntakeSetting(trx, municipalityId, new Date()); // オンライン相談: receiving agency and its system user
      await ensureDefaultFundingRates(trx, municipalityId, fiscalYearOf(isoDayInJapan(new Date())), { now: new Date(), makeId: newId }); // 交付金 サンプル値 of this 年度
      const admin = await trx
        .selectFrom('app_user')
        .select('user_id')
        .where('municipality_id', '=', municipalityId)
        .where(sql<boolean>`'municipal_admin' = any(roles)`)
        .orderBy('created_at')
        .orderBy('user_id')
        .limit(1)
        .executeTakeFirst();
      if (admin) await ensureDefaultQuestionSet(trx, municipalityId, admin.user_id);
    });
  }
}
