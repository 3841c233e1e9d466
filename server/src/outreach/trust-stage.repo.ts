/**
 * 信頼関係の段階 (trust stages): municipal configuration, ordered, edited as one list under
 * trust_stage_set.version. Every municipality starts with DEFAULT_TRUST_STAGES.
 */
import type { DbHandle } from '../platform/db/database.js';
import { newId } from '../platform/db/ids.js';

export const DEFAULT_TRUST_STAGES = [
  { code: 'not_contacted', name: '未接触', description: 'まだ本人に会えていない' },
  { code: 'contacted', name: '接触できた', description: '顔を合わせる・声を交わすことができた' },
  { code: 'talking', name: '話ができる', description: '継続して話ができる関係になった' },
  { code: 'consulting', name: '相談につながる', description: '困りごとを話してくれるようになった' },
  { code: 'support_started', name: '支援開始', description: '本人の同意を得て支援を始めた' },
] as const;

/**
 * Inserts the default trust stages of a municipality that has none (idempotent: a municipality's
 * own list is never touched). `makeId` lets the demo seed keep its ids deterministic.
 */
export async function ensureDefaultTrustStages(db: DbHandle, municipalityId: string, options: { now?: Date; makeId?: () => string } = {}): Promise<void> {
  const set = await db.selectFrom('trust_stage_set').select('version').where('municipality_id', '=', municipalityId).executeTakeFirst();
  if (set) return;
  const now = options.now ?? new Date();
  const makeId = options.makeId ?? newId;
  await db.insertInto('trust_stage_set').values({ municipality_id: municipalityId, created_at: now, updated_at: now }).execute();
  const existing = await db.selectFrom('trust_stage').select('code').where('municipality_id', '=', municipalityId).execute();
  if (existing.length > 0) return;
  await db
    .insertInto('trust_stage')
    .values(DEFAULT_TRUST_STAGES.map((s, i) => ({ municipality_id: municipalityId, stage_id: makeId(), code: s.code, name: s.name, description: s.description, sort_order: i + 1, created_at: now, updated_at: now })))
    .execute();
}

export async function listStages(db: DbHandle, municipalityId: string) {
  return db
    .selectFrom('trust_stage')
    .select(['stage_id', 'code', 'name', 'description', 'sort_order', 'retired'])
    .where('municipality_id', '=', municipalityId)
    .orderBy('sort_order')
    .orderBy('stage_id')
    .execute();
}

export async function stageSetVersion(db: DbHandle, municipalityId: string): Promise<number> {
  const row = await db.selectFrom('trust_stage_set').select('version').where('municipality_id', '=', municipalityId).executeTakeFirst();
  return row?.version ?? 0;
}

/** The stage a new lead starts at: the first stage in use. */
export async function firstActiveStage(db: DbHandle, municipalityId: string) {
  return db
    .selectFrom('trust_stage')
    .select(['stage_id', 'name'])
    .where('municipality_id', '=', municipalityId)
    .where('retired', '=', false)
    .orderBy('sort_order')
    .orderBy('stage_id')
    .limit(1)
    .executeTakeFirst();
}
