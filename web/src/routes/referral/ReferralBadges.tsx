import { Badge } from '@mantine/core';
import { ja } from '../../i18n/ja';

const r = ja.referral;

const STATUS_COLORS: Record<string, string> = {
  draft: 'gray',
  requested: 'blue',
  accepted: 'teal',
  rejected: 'red',
  in_progress: 'teal',
  on_hold: 'yellow',
  completed: 'green',
  failed: 'orange',
  cancelled: 'gray',
};

const URGENCY_COLORS: Record<string, string> = { normal: 'gray', urgent: 'orange', emergency: 'red' };

/** 下書き / 依頼中 / 受理 / … */
export function ReferralStatusBadge({ status }: { status: string }) {
  return (
    <Badge color={STATUS_COLORS[status] ?? 'gray'} variant="light" radius="sm" tt="none">
      {r.status[status] ?? status}
    </Badge>
  );
}

/** 通常 / 至急 / 緊急 (至急 and 緊急 filled so they stand out in a list). */
export function UrgencyBadge({ urgency }: { urgency: string }) {
  return (
    <Badge
      color={URGENCY_COLORS[urgency] ?? 'gray'}
      variant={urgency === 'normal' ? 'light' : 'filled'}
      radius="sm"
      tt="none"
    >
      {r.urgency[urgency] ?? urgency}
    </Badge>
  );
}

/** 期限超過（N営業日）, red. */
export function OverdueBadge({ days }: { days: number | null }) {
  return (
    <Badge color="red" variant="filled" radius="sm" tt="none">
      {r.overdue(days)}
    </Badge>
  );
}
