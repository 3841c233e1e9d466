import { Badge, Button, Group, Switch, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Notice } from '../../../components/Notice';
import { Section } from '../../../components/Section';
import { ja } from '../../../i18n/ja';
import { useFormatDate } from '../../../lib/dates';
import type { CaseView } from '../../consultation/cases/api';
import { leaveTeam, type TeamMember, teamQueryOptions } from './api';
import { TeamAddForm } from './TeamAddForm';
import { useCaseRoles } from './useCaseRoles';
import { conflictTitle, useCollaborationAction } from './useCollaborationAction';

const t = ja.collaboration.team;
const none = ja.app.none;

/**
 * ケースの「支援チーム」: agencies and community resources with role, contact person and since when;
 * the lead agency and the involved 多機関協働事業者 add members and take them off (history kept).
 */
export function CaseTeamSection({ kase }: { kase: CaseView }) {
  const fmt = useFormatDate();
  const [past, setPast] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const team = useQuery(teamQueryOptions(kase.id, past));
  const { canManageTeam } = useCaseRoles(kase);
  const leave = useCollaborationAction(kase.id, leaveTeam, (m: TeamMember) => setNotice(t.left(m.name)));
  const members = team.data ?? [];
  const columns = 5 + (past ? 1 : 0) + (canManageTeam ? 1 : 0);
  return (
    <Section title={t.title}>
      <Text size="sm" c="dimmed">
        {t.hint}
      </Text>
      <Notice>{notice}</Notice>
      <ErrorAlert error={team.error} />
      <ErrorAlert error={leave.error} title={conflictTitle(leave.error)} />
      <Switch label={t.showPast} checked={past} onChange={(e) => setPast(e.currentTarget.checked)} />
      {team.isPending && <Loading />}
      {team.data && (
        <Table.ScrollContainer minWidth={760}>
          <Table aria-label={t.table} striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t.colMember}</Table.Th>
                <Table.Th scope="col">{t.colRole}</Table.Th>
                <Table.Th scope="col">{t.colContactPerson}</Table.Th>
                <Table.Th scope="col">{t.colContactPhone}</Table.Th>
                <Table.Th scope="col">{t.colSince}</Table.Th>
                {past && <Table.Th scope="col">{t.colUntil}</Table.Th>}
                {canManageTeam && <Table.Th scope="col">{t.colActions}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={columns}>
                    <Text c="dimmed">{t.empty}</Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {members.map((m) => (
                <Table.Tr key={m.id} c={m.until ? 'dimmed' : undefined}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm">{m.name}</Text>
                      {m.kind === 'resource' && (
                        <Badge variant="light" color="grape" radius="sm" tt="none">
                          {t.resourceMark}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{m.role}</Table.Td>
                  <Table.Td>{m.contactPerson ?? none}</Table.Td>
                  <Table.Td>{m.contactPhone ?? none}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.date(m.since)}</Table.Td>
                  {past && <Table.Td style={{ whiteSpace: 'nowrap' }}>{m.until ? fmt.date(m.until) : none}</Table.Td>}
                  {canManageTeam && (
                    <Table.Td>
                      {!m.until && (
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={t.leaveLabel(m.name)}
                          loading={leave.isPending && leave.variables?.id === m.id}
                          onClick={() => leave.mutate(m)}
                        >
                          {t.leave}
                        </Button>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canManageTeam && team.data && <TeamAddForm kase={kase} members={members} onDone={setNotice} />}
    </Section>
  );
}
