import type { Ctx } from '../platform/context.js';
import { AppError } from '../platform/http/errors.js';

/** The agency a staff member acts for: the one named (must be theirs), else their only/first agency. */
export function actingAgency(ctx: Ctx, agencyId?: string | null): string {
  if (agencyId) {
    if (!ctx.actor.agencyIds.includes(agencyId)) {
      throw new AppError('invalid', { fields: [{ path: 'agencyId', message: '所属していない機関は選べません。' }] });
    }
    return agencyId;
  }
  const first = ctx.actor.agencyIds[0];
  if (!first) throw new AppError('forbidden', undefined, '所属機関がないため登録できません。');
  return first;
}
