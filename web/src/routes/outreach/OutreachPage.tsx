import { Badge, Button, Checkbox, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { RequireRole } from '../../components/RequireRole';
import { ja } from '../../i18n/ja';
import { useFormatDate } from '../../lib/dates';
import { AnchorLink } from '../consultation/AnchorLink';
import { type LeadFilter, type LeadItem, leadListQueryOptions, OUTREACH_ROLES } from './api';
import { LeadStatusBadge, UrgencyBadge } from './Badges';

const o = ja.outreach;
const FILTERS: LeadFilter[] = ['active', 'consented', 'closed', 'all'];

/** アウトリーチ: the agency's queue of leads (気づきの連絡 arrive here), most urgent first. */
export function OutreachPage() {
  return (
    <RequireRole roles={OUTREACH_ROLES}>
      <Queue />
    </RequireRole>
  );
}

function Queue() {
  const [filter, setFilter] = useState<LeadFilter>('active');
  const [mine, setMine] = useState(false);
  const list = useQuery(leadListQueryOptions(filter, mine));
  return (
    <Stack>
      <PageHeader title={o.heading} description={o.intro} />
      <Group>
        <Button component={Link} to="/outreach/new">
          {o.newLead}
        </Button>
        <AnchorLink to="/outreach/lapses">{o.lapsesLink}</AnchorLink>
      </Group>
      <Group align="end">
        <SegmentedControl aria-label={o.filter} value={filter} onChange={(v) => setFilter(v as LeadFilter)} data={FILTERS.map((f) => ({ value: f, label: o.filters[f] ?? f }))} />
        <Checkbox label={o.onlyMine} checked={mine} onChange={(e) => setMine(e.currentTarget.checked)} />
      </Group>
      <ErrorAlert error={list.error} />
      {list.isPending && <Loading />}
      {list.data && <LeadTable items={list.data.items} />}
    </Stack>
  );
}

function LeadTable({ items }: { items: LeadItem[] }) {
  const fmt = useFormatDate();
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table aria-label={o.table} striped highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{o.colStatus}</Table.Th>
            <Table.Th scope="col">{o.colUrgency}</Table.Th>
            <Table.Th scope="col">{o.colWho}</Table.Th>
            <Table.Th scope="col">{o.colArea}</Table.Th>
            <Table.Th scope="col">{o.colSource}</Table.Th>
            <Table.Th scope="col">{o.colStage}</Table.Th>
            <Table.Th scope="col">{o.colWorker}</Table.Th>
            <Table.Th scope="col">{o.colOpened}</Table.Th>
            <Table.Th scope="col">{o.colLast}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={9}>
                <Text c="dimmed">{o.empty}</Text>
              </Table.Td>
            </Table.Tr>
          )}
          {items.map((i) => (
            <Table.Tr
              key={i.id}
              style={{ cursor: 'pointer' }}
              onClick={(event) => {
                if ((event.target as HTMLElement).closest('a')) return;
                void navigate({ to: '/outreach/leads/$id', params: { id: i.id } });
              }}
            >
              <Table.Td>
                <LeadStatusBadge status={i.status} />
              </Table.Td>
              <Table.Td>
                <UrgencyBadge urgency={i.urgency} />
              </Table.Td>
              <Table.Td>
                <AnchorLink to="/outreach/leads/$id" params={{ id: i.id }}>
                  {i.label}
                </AnchorLink>
                {!i.identified && (
                  <Text span size="xs" c="dimmed" ml={6}>
                    {o.unidentified}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{i.areaName ?? ja.app.none}</Table.Td>
              <Table.Td>
                {i.fromVolunteer ? (
                  <Badge variant="light" color="grape" radius="sm" tt="none">
                    {o.fromVolunteer}
                  </Badge>
                ) : (
                  (o.source[i.source] ?? i.source)
                )}
              </Table.Td>
              <Table.Td>{i.stageName ?? ja.app.none}</Table.Td>
              <Table.Td>{i.assignedName ?? o.unassigned}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.date(i.openedOn)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {i.lastAttemptAt ? fmt.date(i.lastAttemptAt) : ja.app.none} {o.attemptsCount(i.attempts)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
