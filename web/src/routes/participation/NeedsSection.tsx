import { Badge, Group, NativeSelect, SegmentedControl, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Section } from '../../components/Section';
import { ja } from '../../i18n/ja';
import { useFormatDate } from '../../lib/dates';
import { AnchorLink } from '../consultation/AnchorLink';
import { ButtonLink } from '../consultation/intake/ButtonLink';
import { needsQueryOptions } from './api';

const t = ja.participation;

/** 参加支援の一覧: my or my agency's (and its 支援チーム cases') needs, with 定着支援 due or overdue. */
export function NeedsSection() {
  const fmt = useFormatDate();
  const [scope, setScope] = useState<'mine' | 'agency'>('mine');
  const [status, setStatus] = useState<'active' | 'closed' | 'all'>('active');
  const needs = useQuery(needsQueryOptions({ scope, status }));
  const items = needs.data?.items ?? [];
  return (
    <Section title={t.needsSection}>
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <SegmentedControl
            aria-label={t.scope}
            value={scope}
            onChange={(v) => setScope(v === 'agency' ? 'agency' : 'mine')}
            data={[
              { value: 'mine', label: t.scopeMine },
              { value: 'agency', label: t.scopeAgency },
            ]}
          />
          <NativeSelect
            label={t.statusFilter}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as typeof status)}
            data={[
              { value: 'active', label: t.needStatus.active ?? '' },
              { value: 'closed', label: t.needStatus.closed ?? '' },
              { value: 'all', label: t.statusAll },
            ]}
          />
        </Group>
        <ButtonLink to="/participation/needs/new">{t.newNeed}</ButtonLink>
      </Group>
      <ErrorAlert error={needs.error} />
      {needs.isPending && <Loading />}
      {needs.data && items.length === 0 && <Text c="dimmed">{t.noNeeds}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table aria-label={t.needsSection} striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.colPerson}</Table.Th>
                <Table.Th>{t.colWishes}</Table.Th>
                <Table.Th>{t.colOpened}</Table.Th>
                <Table.Th>{t.colWorker}</Table.Th>
                <Table.Th>{t.colPlacements}</Table.Th>
                <Table.Th>{t.colNextDue}</Table.Th>
                <Table.Th>{t.colStatus}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((n) => (
                <Table.Tr key={n.id}>
                  <Table.Td>
                    <AnchorLink to="/participation/needs/$id" params={{ id: n.id }}>
                      {n.personName}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{n.wishes.join(ja.text.listSeparator)}</Table.Td>
                  <Table.Td>{fmt.date(n.openedOn)}</Table.Td>
                  <Table.Td>{`${n.workerName}（${n.keepingAgencyName}）`}</Table.Td>
                  <Table.Td>{n.runningPlacements > 0 ? t.running(n.runningPlacements) : ja.app.none}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Text size="sm">{n.nextDueOn ? fmt.date(n.nextDueOn) : ja.app.none}</Text>
                      {n.overdueFollowups > 0 && (
                        <Badge color="red" radius="sm" tt="none">
                          {t.overdueCount(n.overdueFollowups)}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{t.needStatus[n.status]}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
