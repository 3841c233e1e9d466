import { Badge } from '@mantine/core';
import { ja } from '../../i18n/ja';

const o = ja.outreach;
const STATUS_COLOR: Record<string, string> = { open: 'gray', in_contact: 'blue', consented: 'teal', closed: 'dark' };
const URGENCY_COLOR: Record<string, string> = { normal: 'gray', urgent: 'orange', emergency: 'red' };

export function LeadStatusBadge({ status }: { status: string }) {
  return (
    <Badge color={STATUS_COLOR[status] ?? 'gray'} variant="light" radius="sm" tt="none">
      {o.status[status] ?? status}
    </Badge>
  );
}

export function UrgencyBadge({ urgency }: { urgency: string }) {
  return (
    <Badge color={URGENCY_COLOR[urgency] ?? 'gray'} variant={urgency === 'normal' ? 'outline' : 'filled'} radius="sm" tt="none">
      {o.urgency[urgency] ?? urgency}
    </Badge>
  );
}
