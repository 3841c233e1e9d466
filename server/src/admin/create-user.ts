import type { Role } from '../platform/access/actor.js';
import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import { assertStrongPassword, hashPassword } from '../platform/auth/password.js';
import type { Ctx } from '../platform/context.js';
import { newId } from '../platform/db/ids.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { assertAgenciesExist, assertAgencyNeeded, assertMayAssignRoles } from './user-rules.js';
import { getUser, loginNameTaken, replaceUserAgencies, type UserItem } from './user.repo.js';

export interface CreateUserInput {
  loginName: string;
  displayName: string;
  password: string;
  roles: Role[];
  agencyIds: string[];
}

/** 利用者の追加 by an administrator of the same municipality. */
export async function createUser(ctx: Ctx, input: CreateUserInput): Promise<UserItem> {
  assertStrongPassword(input.password, input.loginName);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, async (tx) => {
    const basis = authorize(tx, 'create', { kind: 'user_account', municipalityId: tx.actor.municipalityId });
    assertMayAssignRoles(tx, input.roles);
    assertAgencyNeeded(input.agencyIds);
    await assertAgenciesExist(tx, input.agencyIds);
    if (await loginNameTaken(tx.db, input.loginName)) {
      throw new AppError('duplicate', { fields: [{ path: 'loginName', message: 'このログイン名はすでに使われています。' }] });
    }
    const userId = newId();
    await tx.db
      .insertInto('app_user')
      .values({
        municipality_id: tx.actor.municipalityId,
        user_id: userId,
        login_name: input.loginName,
        display_name: input.displayName,
        password_hash: passwordHash,
        roles: input.roles,
        created_at: tx.now,
        updated_at: tx.now,
        password_changed_at: tx.now,
      })
      .execute();
    await replaceUserAgencies(tx.db, tx.actor.municipalityId, userId, input.agencyIds);
    await audit(tx, {
      action: 'user.create',
      targetType: 'user_account',
      targetId: userId,
      basis,
      details: { roles: input.roles, agencyIds: input.agencyIds },
    });
    return (await getUser(tx.db, tx.actor.municipalityId, userId))!;
  });
}
