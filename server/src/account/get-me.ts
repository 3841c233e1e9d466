import { sql } from 'kysely';
import type { Ctx } from '../platform/context.js';
import { AppError } from '../platform/http/errors.js';

export interface Me {
  user: {
    id: string;
    loginName: string;
    displayName: string;
    roles: string[];
    dateStyle: 'wareki' | 'seireki';
    totpEnabled: boolean;
    totpRequired: boolean;
  };
  municipality: { id: string; name: string; prefectureName: string };
  agencies: Array<{ id: string; name: string; kind: string }>;
}

/** The signed-in user's own account, municipality and agencies, in one query. */
export async function getMe(ctx: Ctx): Promise<Me> {
  const { municipalityId, userId } = ctx.actor;
  const row = await ctx.db
    .selectFrom('app_user as u')
    .innerJoin('municipality as m', 'm.municipality_id', 'u.municipality_id')
    .select([
      'u.user_id',
      'u.login_name',
      'u.display_name',
      'u.roles',
      'u.date_style',
      'u.totp_enabled',
      'm.name as municipality_name',
      'm.prefecture_name',
      sql<boolean>`exists(select 1 from role_setting r where r.municipality_id = u.municipality_id
        and r.role = any(u.roles) and r.require_totp)`.as('totp_required'),
      sql<Array<{ id: string; name: string; kind: string }>>`coalesce((select json_agg(json_build_object(
        'id', a.agency_id, 'name', a.name, 'kind', a.kind) order by a.name)
        from user_agency ua join agency a on a.municipality_id = ua.municipality_id and a.agency_id = ua.agency_id
        where ua.municipality_id = u.municipality_id and ua.user_id = u.user_id), '[]'::json)`.as('agencies'),
    ])
    .where('u.municipality_id', '=', municipalityId)
    .where('u.user_id', '=', userId)
    .executeTakeFirst();
  if (!row) throw new AppError('unauthenticated');
  return {
    user: {
      id: row.user_id,
      loginName: row.login_name,
      displayName: row.display_name,
      roles: row.roles,
      dateStyle: row.date_style,
      totpEnabled: row.totp_enabled,
      totpRequired: row.totp_required,
    },
    municipality: { id: municipalityId, name: row.municipality_name, prefectureName: row.prefecture_name },
    agencies: typeof row.agencies === 'string' ? JSON.parse(row.agencies) : row.agencies,
  };
}
