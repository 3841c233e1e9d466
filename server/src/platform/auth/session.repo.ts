import { sql } from 'kysely';
import type { DbHandle } from '../db/database.js';
import { newId } from '../db/ids.js';
import type { SessionStage } from '../db/schema.js';
import type { RequestMeta } from '../context.js';
import { hashSessionToken, newSessionToken } from './tokens.js';

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

export async function createSession(
  db: DbHandle,
  args: { municipalityId: string; userId: string; stage: SessionStage; now: Date; meta: RequestMeta; policy: SessionPolicy },
): Promise<{ token: string; sessionId: string }> {
  const token = newSessionToken();
  const sessionId = newId();
  await db
    .insertInto('user_session')
    .values({
      municipality_id: args.municipalityId,
      session_id: sessionId,
      user_id: args.userId,
      token_hash: hashSessionToken(token),
      stage: args.stage,
      created_at: args.now,
      last_seen_at: args.now,
      expires_at: new Date(args.now.getTime() + args.policy.absoluteHours * 3_600_000),
      client_addr: args.meta.clientAddr,
      user_agent: args.meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, sessionId };
}

export interface SessionRow {
  municipality_id: string;
  session_id: string;
  user_id: string;
  stage: SessionStage;
  last_seen_at: Date;
  login_name: string;
  display_name: string;
  roles: string[];
  date_style: 'wareki' | 'seireki';
  totp_enabled: boolean;
  prefecture_code: string;
  agency_ids: string[];
}

/**
 * The live session for a cookie token, with everything needed to build the Actor, in one query.
 * Returns null when unknown, revoked, past its absolute expiry, idle too long, or the user is disabled.
 */
export async function findLiveSession(
  db: DbHandle,
  token: string,
  now: Date,
  policy: SessionPolicy,
): Promise<SessionRow | null> {
  const idleCutoff = new Date(now.getTime() - policy.idleMinutes * 60_000);
  const row = await db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', (j) =>
      j.onRef('u.municipality_id', '=', 's.municipality_id').onRef('u.user_id', '=', 's.user_id'),
    )
    .innerJoin('municipality as m', 'm.municipality_id', 's.municipality_id')
    .select([
      's.municipality_id',
      's.session_id',
      's.user_id',
      's.stage',
      's.last_seen_at',
      'u.login_name',
      'u.display_name',
      'u.roles',
      'u.date_style',
      'u.totp_enabled',
      'm.prefecture_code',
      sql<string[]>`array(select ua.agency_id::text from user_agency ua
        where ua.municipality_id = s.municipality_id and ua.user_id = s.user_id order by ua.agency_id)`.as(
        'agency_ids',
      ),
    ])
    .where('s.token_hash', '=', hashSessionToken(token))
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', now)
    .where('s.last_seen_at', '>', idleCutoff)
    .where('u.status', '=', 'active')
    .executeTakeFirst();
  return row ?? null;
}

/** Idle-timeout bookkeeping; written at most once a minute per session to keep reads cheap. */
export async function touchSession(db: DbHandle, row: SessionRow, now: Date): Promise<void> {
  if (now.getTime() - new Date(row.last_seen_at).getTime() < 60_000) return;
  await db
    .updateTable('user_session')
    .set({ last_seen_at: now })
    .where('municipality_id', '=', row.municipality_id)
    .where('session_id', '=', row.session_id)
    .execute();
}

export async function setSessionStage(db: DbHandle, municipalityId: string, sessionId: string, stage: SessionStage) {
  await db
    .updateTable('user_session')
    .set({ stage })
    .where('municipality_id', '=', municipalityId)
    .where('session_id', '=', sessionId)
    .execute();
}

export async function revokeSession(db: DbHandle, municipalityId: string, sessionId: string, now: Date) {
  await db
    .updateTable('user_session')
    .set({ revoked_at: now })
    .where('municipality_id', '=', municipalityId)
    .where('session_id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Sign-out everywhere (password change, account disabled). */
export async function revokeAllSessions(db: DbHandle, municipalityId: string, userId: string, now: Date) {
  await db
    .updateTable('user_session')
    .set({ revoked_at: now })
    .where('municipality_id', '=', municipalityId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}
