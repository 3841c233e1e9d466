import { isoDayInJapan } from '../consultation/japanese/japanese-date.js';
import { recordAudit } from '../platform/audit/record-audit.js';
import type { AnonCtx } from '../platform/context.js';
import { newId } from '../platform/db/ids.js';
import { inTransaction } from '../platform/db/transaction.js';
import { clientHash } from './client-address.js';
import { consultationRecord } from './consultation-record.js';
import { checkFormToken, MIN_FILL_MS } from './form-token.js';
import type { PublicDeps } from './get-public-form.js';
import { publicError } from './public-error.js';
import { ensurePublicIntakeSetting, formNonceUsed, PUBLIC_ACTOR, submissionsFromClient } from './public-intake.repo.js';
import { allocateReferenceNumber } from './reference-number.js';
import { checkSubmission, honeypotFilled, type PublicSubmissionInput } from './submission-rules.js';

/** Accepted submissions per client address and day (on top of the per-10-minute HTTP limit). */
export const DAILY_CAP = 20;

export interface SubmitOptions {
  dailyCap?: number;
  minFillMs?: number;
}

/** What the resident gets back: the 受付番号 only — nothing they wrote, nothing about anyone else. */
export interface PublicReceipt {
  referenceNumber: string;
}

const uniqueViolation = (err: unknown, index: string) =>
  typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505' && String((err as { constraint?: unknown; message?: unknown }).constraint ?? (err as { message?: unknown }).message ?? '').includes(index);

/**
 * 住民のオンライン相談を受け付ける: robots and hurried scripts are turned away before anything is
 * read from the database (honeypot, minimum fill time on the signed token), then the answers are
 * checked, and the submission becomes a consultation (route 'online') of the designated agency,
 * with the resident's consent answer, its 受付番号 row and an audit event by "(public)".
 */
export async function submitPublicConsultation(ctx: AnonCtx, deps: PublicDeps & { clientAddr: string | null }, input: PublicSubmissionInput, options: SubmitOptions = {}): Promise<PublicReceipt> {
  const lang = input.lang;
  const mid = deps.municipalityId;
  if (!mid) throw publicError('forbidden', lang, 'closed');
  if (honeypotFilled(input)) throw publicError('invalid', lang, 'rejected');
  const token = checkFormToken(deps.secret, mid, input.formToken, ctx.now, { minFillMs: options.minFillMs ?? MIN_FILL_MS });
  if (!token.ok) throw publicError('invalid', lang, token.reason);
  const { problems, clean } = checkSubmission(input);
  if (problems.length > 0) throw publicError('invalid', lang, 'form_invalid', problems);

  const attempt = () =>
    inTransaction(ctx, async (tx) => {
      const setting = await ensurePublicIntakeSetting(tx.db, mid, tx.now, tx.meta);
      if (!setting?.enabled || !setting.designatedAgencyActive) throw publicError('forbidden', lang, 'closed');
      if (await formNonceUsed(tx.db, mid, token.nonce)) throw publicError('duplicate', lang, 'already_sent');
      const hash = clientHash(deps.secret, deps.clientAddr, tx.now);
      if ((await submissionsFromClient(tx.db, mid, hash)) >= (options.dailyCap ?? DAILY_CAP)) throw publicError('rate_limited', lang, 'daily_limit');

      const referenceNumber = await allocateReferenceNumber(tx.now, async (candidate) => {
        const taken = await tx.db.selectFrom('public_submission').select('submission_id').where('municipality_id', '=', mid).where('reference_number', '=', candidate).executeTakeFirst();
        return taken === undefined;
      });
      const record = consultationRecord(clean, referenceNumber, lang);
      const consultationId = newId();
      await tx.db
        .insertInto('consultation')
        .values({
          municipality_id: mid,
          consultation_id: consultationId,
          received_on: isoDayInJapan(tx.now),
          receiving_agency_id: setting.designatedAgencyId,
          received_by_user_id: setting.systemUserId,
          route: 'online',
          visitor_kind: record.visitorKind,
          visitor_relationship: record.visitorRelationship,
          visitor_name: record.visitorName,
          person_id: null,
          anonymous: record.anonymous,
          categories: record.categories,
          primary_category: null,
          summary: record.summary,
          details: record.details,
          created_at: tx.now,
          updated_at: tx.now,
        })
        .execute();
      await tx.db
        .insertInto('consent')
        .values({ municipality_id: mid, consent_id: newId(), consultation_id: consultationId, person_id: null, status: record.consentStatus, recorded_by_user_id: setting.systemUserId, recorded_at: tx.now })
        .execute();
      await tx.db
        .insertInto('public_submission')
        .values({
          municipality_id: mid,
          submission_id: newId(),
          reference_number: referenceNumber,
          received_at: tx.now,
          language: lang,
          client_hash: hash,
          form_nonce: token.nonce,
          consultation_id: consultationId,
          agency_id: setting.designatedAgencyId,
          contact_method: clean.contact.method,
          created_at: tx.now,
          updated_at: tx.now,
        })
        .execute();
      await recordAudit(tx.db, tx.meta, tx.now, {
        municipalityId: mid,
        actorLogin: PUBLIC_ACTOR,
        action: 'public_submission.create',
        outcome: 'success',
        targetType: 'consultation',
        targetId: consultationId,
        basis: '住民からのオンライン相談',
        details: { route: 'online', language: lang, consent: record.consentStatus, agencyId: setting.designatedAgencyId },
      });
      return { referenceNumber };
    });

  // Two submissions racing for the same number or token: the loser's transaction rolled back.
  for (let round = 0; ; round++) {
    try {
      return await attempt();
    } catch (err) {
      if (uniqueViolation(err, 'public_submission_form_nonce')) throw publicError('duplicate', lang, 'already_sent');
      if (round < 2 && uniqueViolation(err, 'public_submission_reference')) continue;
      throw err;
    }
  }
}
