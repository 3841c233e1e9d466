import { useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { ja } from '../../i18n/ja';
import { isApiError } from '../../lib/api';
import { type ReferralView, referralQueryKey, runAction, updateReferral } from './api';
import { ReferralForm } from './ReferralForm';
import { SubjectSummary } from './SubjectSummary';

const r = ja.referral;

/**
 * 下書きを編集: the つなぐ form filled from the draft. 下書きを更新 saves (PUT with the version read);
 * 送る saves, then sends. The version is kept between the two, so a retry after consent_required
 * (同意なしで送る) does not conflict with its own save. A 409 reloads the draft.
 */
export function ReferralDraftEditor({
  referral,
  onSaved,
  onCancel,
}: {
  referral: ReferralView;
  onSaved: (saved: ReferralView, sent: boolean) => void;
  onCancel: () => void;
}) {
  const queryClient = useQueryClient();
  const latest = useRef(referral);
  const subject = {
    personId: referral.personId ?? undefined,
    householdId: referral.householdId ?? undefined,
    consultationId: referral.consultationId ?? undefined,
  };
  return (
    <ReferralForm
      subject={subject}
      subjectLabel={<SubjectSummary subject={subject} />}
      initial={{
        fromAgencyId: referral.fromAgencyId,
        toAgencyId: referral.toAgencyId,
        reason: referral.reason,
        urgency: referral.urgency,
        basis: referral.basis,
        legalBasis: referral.legalBasis,
        attachments: referral.attachments,
      }}
      saveLabel={r.saveEdit}
      save={async ({ consentOverrideReason, ...input }, send) => {
        try {
          // After a 409 the reloaded draft carries the newer version.
          const version = Math.max(latest.current.version, referral.version);
          const saved = await updateReferral(referral.id, { ...input, version });
          latest.current = saved;
          queryClient.setQueryData(referralQueryKey(saved.id), saved);
          if (!send) return saved;
          const sent = await runAction(saved, { action: 'send', consentOverrideReason });
          latest.current = sent;
          return sent;
        } catch (error) {
          if (isApiError(error, 'conflict')) await queryClient.invalidateQueries({ queryKey: referralQueryKey(referral.id) });
          throw error;
        }
      }}
      onSaved={onSaved}
      onCancel={onCancel}
    />
  );
}
