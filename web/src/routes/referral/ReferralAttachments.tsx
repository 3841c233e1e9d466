import { List, Text } from '@mantine/core';
import { ja } from '../../i18n/ja';
import { useFormatDate } from '../../lib/dates';
import { AnchorLink } from '../consultation/AnchorLink';
import type { Attachment, ReferralView } from './api';

const r = ja.referral;

function AttachmentLink({ attachment: a, referral }: { attachment: Attachment; referral: ReferralView }) {
  const fmt = useFormatDate();
  const text = r.attachItem(r.attachmentKinds[a.kind] ?? a.kind, a.label, fmt.date(a.date));
  if (a.kind === 'consultation') {
    return (
      <AnchorLink to="/consultation/intake/$id" params={{ id: a.id }}>
        {text}
      </AnchorLink>
    );
  }
  if (a.kind === 'progress_note' && referral.caseId) {
    return (
      <AnchorLink to="/consultation/cases/$id/progress" params={{ id: referral.caseId }}>
        {text}
      </AnchorLink>
    );
  }
  if (a.kind === 'assessment' && referral.consultationId) {
    return (
      <AnchorLink to="/consultations/$consultationId/assessment" params={{ consultationId: referral.consultationId }}>
        {text}
      </AnchorLink>
    );
  }
  return <Text span>{text}</Text>;
}

/** 共有された記録: only what the sender selected; each opens its own page (which checks access again). */
export function ReferralAttachments({ referral }: { referral: ReferralView }) {
  if (referral.attachments.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {r.attachmentsEmpty}
      </Text>
    );
  }
  return (
    <List spacing={4} aria-label={r.attachments}>
      {referral.attachments.map((a) => (
        <List.Item key={`${a.kind}:${a.id}`}>
          <AttachmentLink attachment={a} referral={referral} />
        </List.Item>
      ))}
    </List>
  );
}
