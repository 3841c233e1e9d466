import { Badge } from '@mantine/core';
import { ja } from '../../../i18n/ja';

const k = ja.consultation.cases;

/** 支援中 / 終結. */
export function CaseStatusBadge({ status }: { status: string }) {
  return (
    <Badge color={status === 'open' ? 'teal' : 'gray'} variant="light" radius="sm" tt="none">
      {k.status[status] ?? status}
    </Badge>
  );
}
