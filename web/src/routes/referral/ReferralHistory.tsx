import { Text, Timeline } from '@mantine/core';
import { ja } from '../../i18n/ja';
import { useFormatDate } from '../../lib/dates';
import type { ReferralView } from './api';

const r = ja.referral;
const label = (status: string | null) => (status ? (r.status[status] ?? status) : null);

/** 経過: every change of state, oldest first, with who (and which agency) and the note. */
export function ReferralHistory({ referral }: { referral: ReferralView }) {
  const fmt = useFormatDate();
  const entries = referral.history;
  return (
    <Timeline active={entries.length - 1} bulletSize={14} lineWidth={2} aria-label={r.history}>
      {entries.map((h) => (
        <Timeline.Item key={`${h.at}-${h.to}`} title={r.historyItem(label(h.from), label(h.to) ?? h.to)}>
          <Text size="xs" c="dimmed">
            {r.historyBy(fmt.dateTime(h.at), h.by, h.agencyName)}
          </Text>
          {h.note && (
            <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
              {h.note}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
