/**
 * 添付する記録: only the records the sender selects are shared with the receiver. Each must be one
 * the sender's agency holds as its own (sharing onward is an 'export': a record the sender only
 * reads through consent or a referral cannot be passed on) and must concern the referral's subject (its persons or its case).
 */
import { authorize } from '../platform/access/authorize.js';
import type { Ctx } from '../platform/context.js';
import type { ReferralAttachmentKind } from '../platform/db/schema.js';
import { AppError } from '../platform/http/errors.js';
import { consultationFacts } from '../consultation/consultation.repo.js';
import { progressNoteFacts } from '../consultation/progress/progress-note.repo.js';
import type { ResolvedSubject } from './referral-subject.js';

export interface AttachmentInput {
  kind: ReferralAttachmentKind;
  id: string;
}

const refuse = (index: number, message: string) => new AppError('invalid', { fields: [{ path: `attachments.${index}`, message }] });

export async function checkAttachments(tx: Ctx, subject: ResolvedSubject, items: readonly AttachmentInput[]): Promise<void> {
  const mid = tx.actor.municipalityId;
  const persons = new Set(subject.personIds);
  if (subject.caseId) {
    const kase = await tx.db.selectFrom('support_case').select('household_id').where('municipality_id', '=', mid).where('case_id', '=', subject.caseId).executeTakeFirstOrThrow();
    const members = await tx.db.selectFrom('household_membership').select('person_id').where('municipality_id', '=', mid).where('household_id', '=', kase.household_id).where('left_on', 'is', null).execute();
    for (const m of members) persons.add(m.person_id);
  }
  for (const [i, item] of items.entries()) {
    if (item.kind === 'consultation') {
      authorize(tx, 'export', (await consultationFacts(tx.db, mid, item.id)) ?? { kind: 'consultation', municipalityId: mid, id: item.id });
      const c = await tx.db.selectFrom('consultation').select('person_id').where('municipality_id', '=', mid).where('consultation_id', '=', item.id).executeTakeFirstOrThrow();
      if (!c.person_id || !persons.has(c.person_id)) throw refuse(i, 'この相談受付は、つなぐ本人・世帯のものではありません。');
    } else if (item.kind === 'progress_note') {
      authorize(tx, 'export', (await progressNoteFacts(tx.db, mid, item.id)) ?? { kind: 'progress_note', municipalityId: mid, id: item.id });
      const n = await tx.db.selectFrom('progress_note').select('case_id').where('municipality_id', '=', mid).where('progress_note_id', '=', item.id).executeTakeFirstOrThrow();
      if (n.case_id !== subject.caseId) throw refuse(i, 'この支援経過記録は、つなぐ世帯のケースのものではありません。');
    } else {
      throw refuse(i, 'アセスメントは相談受付を添付すると一緒に共有されます。');
    }
  }
}
