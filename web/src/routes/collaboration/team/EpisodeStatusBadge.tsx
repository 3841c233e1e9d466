import { Badge } from '@mantine/core';
import { ja } from '../../../i18n/ja';
import type { EpisodeStatus } from './api';

const COLORS: Record<EpisodeStatus, string> = {
  requested: 'blue',
  active: 'teal',
  declined: 'orange',
  cancelled: 'gray',
  ended: 'green',
};

/** 依頼中 / 関与中 / 関与しない / 取消 / 関与終結 */
export function EpisodeStatusBadge({ status }: { status: EpisodeStatus }) {
  return (
    <Badge color={COLORS[status]} variant="light" radius="sm" tt="none">
      {ja.collaboration.coordination.status[status] ?? status}
    </Badge>
  );
}
