import { Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { RequireRole } from '../../components/RequireRole';
import { ja } from '../../i18n/ja';
import { useFormatDate } from '../../lib/dates';
import { AnchorLink } from '../consultation/AnchorLink';
import { lapsesQueryOptions, OUTREACH_ROLES } from './api';
import { LapseLink } from './LapseLink';

const o = ja.outreach;

/** 連絡が途絶えている人（機関）: every lapse of the user's agencies, oldest first. */
export function LapsesPage() {
  return (
    <RequireRole roles={OUTREACH_ROLES}>
      <Lapses />
    </RequireRole>
  );
}

function Lapses() {
  const fmt = useFormatDate();
  const lapses = useQuery(lapsesQueryOptions('agency'));
  const items = lapses.data?.items ?? [];
  return (
    <Stack>
      <AnchorLink to="/outreach" size="sm">
        {o.back}
      </AnchorLink>
      <PageHeader title={o.lapsesHeading} description={o.lapsesIntro} />
      <ErrorAlert error={lapses.error} />
      {lapses.isPending && <Loading />}
      {lapses.data && (
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label={o.lapsesTable} striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{o.colWho}</Table.Th>
                <Table.Th scope="col">{o.colKind}</Table.Th>
                <Table.Th scope="col">{o.colWorker}</Table.Th>
                <Table.Th scope="col">{o.colInterval}</Table.Th>
                <Table.Th scope="col">{o.colLast}</Table.Th>
                <Table.Th scope="col">{o.colLapsedSince}</Table.Th>
                <Table.Th scope="col">{o.colOverdue}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={7}>
                    <Text c="dimmed">{o.lapsesNone}</Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {items.map((i) => (
                <Table.Tr key={`${i.kind}-${i.id}`}>
                  <Table.Td>
                    <LapseLink item={i} />
                  </Table.Td>
                  <Table.Td>{o.lapseKind[i.kind]}</Table.Td>
                  <Table.Td>{i.workerName}</Table.Td>
                  <Table.Td>{o.intervalDays(i.intervalDays)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.date(i.lastContactOn)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.date(i.dueOn)}</Table.Td>
                  <Table.Td>
                    <Text c="red" fw={700} size="sm">
                      {o.overdueDays(i.daysOverdue)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
