import { Text, Timeline } from '@mantine/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Section } from '../../../components/Section';
import { ja } from '../../../i18n/ja';
import { api } from '../../../lib/api';
import { useFormatDate } from '../../../lib/dates';
import { AnchorLink } from '../AnchorLink';

const k = ja.consultation.cases;

interface TimelineItem {
  id: string;
  at: string;
  kind: 'case_opened' | 'case_closed' | 'lead_changed' | 'transfer' | 'consultation' | 'progress_note' | 'referral';
  title: string;
  detail: string | null;
  agencyName: string;
  link: { type: 'consultation' | 'progress' | 'referral'; id: string } | null;
}

export const caseTimelineQueryOptions = (caseId: string) =>
  queryOptions({
    queryKey: ['cases', caseId, 'timeline'] as const,
    queryFn: ({ signal }) => api.get<{ caseId: string; items: TimelineItem[] }>(`/cases/${encodeURIComponent(caseId)}/timeline`, undefined, signal),
    retry: false,
  });

function ItemLink({ link }: { link: NonNullable<TimelineItem['link']> }) {
  if (link.type === 'consultation') {
    return (
      <AnchorLink to="/consultation/intake/$id" params={{ id: link.id }} size="sm">
        {k.timelineOpen}
      </AnchorLink>
    );
  }
  if (link.type === 'referral') {
    return (
      <AnchorLink to="/referral/$id" params={{ id: link.id }} size="sm">
        {k.timelineOpen}
      </AnchorLink>
    );
  }
  return (
    <AnchorLink to="/consultation/cases/$id/progress" params={{ id: link.id }} size="sm">
      {k.timelineOpen}
    </AnchorLink>
  );
}

/** ケースの経過: opening, lead changes, consultations, 支援経過記録 and つなぐ, newest first. */
export function CaseTimeline({ caseId }: { caseId: string }) {
  const timeline = useQuery(caseTimelineQueryOptions(caseId));
  const fmt = useFormatDate();
  return (
    <Section title={k.timeline}>
      <ErrorAlert error={timeline.error} />
      {timeline.isPending && <Loading />}
      {timeline.data && timeline.data.items.length === 0 && <Text c="dimmed">{k.timelineEmpty}</Text>}
      {timeline.data && timeline.data.items.length > 0 && (
        <Timeline bulletSize={14} lineWidth={2} aria-label={k.timeline}>
          {timeline.data.items.map((item) => (
            <Timeline.Item key={item.id} title={item.title}>
              <Text size="xs" c="dimmed">
                {fmt.date(item.at)}・{item.agencyName}
              </Text>
              {item.detail && <Text size="sm">{item.detail}</Text>}
              {item.link && <ItemLink link={item.link} />}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Section>
  );
}
