import { recordAudit } from '../platform/audit/record-audit.js';
import { assertStrongPassword, hashPassword } from '../platform/auth/password.js';
import { ensureDefaultQuestionSet } from '../consultation/assessment/default-question-set.js';
import { ensureDefaultMeetingTypes } from '../collaboration/meeting/default-meeting-types.js';
import type { Db } from '../platform/db/database.js';
import { newId } from '../platform/db/ids.js';
import { AppError } from '../platform/http/errors.js';
import { loginNameTaken } from './user.repo.js';

export interface SetupMunicipalityInput {
  code: string;
  name: string;
  prefectureCode: string;
  prefectureName: string;
  population: number;
  adminLogin: string;
  adminName: string;
  adminPassword: string;
}

/**
 * First setup of a real municipality (production has no demo data): the municipality, its
 * 重層事業担当課 as the first agency, and one account that is both system and municipal administrator.
 */
export async function setupMunicipality(db: Db, input: SetupMunicipalityInput) {
  if (!/^\d{6}$/.test(input.code)) throw new AppError('invalid', undefined, '市町村コードは6桁の数字で指定してください。');
  if (!/^\d{2}$/.test(input.prefectureCode)) throw new AppError('invalid', undefined, '都道府県コードは2桁の数字で指定してください。');
  assertStrongPassword(input.adminPassword, input.adminLogin);
  const passwordHash = await hashPassword(input.adminPassword);
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('municipality').select('municipality_id').where('code', '=', input.code).executeTakeFirst();
    if (existing) throw new AppError('duplicate', undefined, 'この市町村コードはすでに登録されています。');
    if (await loginNameTaken(trx, input.adminLogin)) throw new AppError('duplicate', undefined, 'このログイン名はすでに使われています。');
    const municipalityId = newId();
    const agencyId = newId();
    const userId = newId();
    await trx
      .insertInto('municipality')
      .values({ municipality_id: municipalityId, code: input.code, name: input.name, prefecture_code: input.prefectureCode, prefecture_name: input.prefectureName, population: input.population })
      .execute();
    await trx.insertInto('agency').values({ municipality_id: municipalityId, agency_id: agencyId, kind: 'municipal_office', name: `${input.name} 重層的支援体制整備事業担当課` }).execute();
    await trx
      .insertInto('app_user')
      .values({ municipality_id: municipalityId, user_id: userId, login_name: input.adminLogin, display_name: input.adminName, password_hash: passwordHash, roles: ['system_admin', 'municipal_admin'] })
      .execute();
    await trx.insertInto('user_agency').values({ municipality_id: municipalityId, user_id: userId, agency_id: agencyId }).execute();
    await ensureDefaultQuestionSet(trx, municipalityId, userId);
    await ensureDefaultMeetingTypes(trx, municipalityId);
    await recordAudit(trx, { requestId: 'setup', clientAddr: null, userAgent: null }, new Date(), {
      municipalityId,
      action: 'system.municipality_setup',
      outcome: 'success',
      targetType: 'municipality',
      targetId: municipalityId,
      details: { code: input.code, adminUserId: userId },
    });
    return { municipalityId, userId };
  });
}
