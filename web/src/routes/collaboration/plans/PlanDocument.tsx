import { Badge, Button, Group, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ja } from '../../../i18n/ja';
import { useFormatDate } from '../../../lib/dates';
import type { ActionView, VersionView } from './api';

const t = ja.plans;
const pre = { whiteSpace: 'pre-wrap' } as const;

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" w={200} className="plan-doc-label">
        {label}
      </Table.Th>
      <Table.Td style={pre}>{children}</Table.Td>
    </Table.Tr>
  );
}

/**
 * プラン兼利用申込書: one version of the plan in the order of the paper form. `onDone` (current
 * version, plan in force, allowed to change) shows 完了にする for undone actions.
 */
export function PlanDocument({ version, reviewOverdue, onDone, donePending }: { version: VersionView; reviewOverdue: boolean; onDone?: ((a: ActionView) => void) | undefined; donePending?: boolean }) {
  const fmt = useFormatDate();
  const c = version.content;
  const yesNo = (b: boolean) => (b ? t.yes : t.no);
  return (
    <Table variant="vertical" layout="fixed" withTableBorder className="plan-doc" aria-label={t.formTitle}>
      <Table.Tbody>
        <Row label={t.personWords}>{c.personWords}</Row>
        <Row label={t.wishes}>{c.wishes}</Row>
        <Row label={t.longGoal}>{c.longGoal}</Row>
        <Row label={t.shortGoals}>
          <ol className="plan-doc-goals">
            {c.shortGoals.map((g) => (
              <li key={g.id}>{g.text}</li>
            ))}
          </ol>
        </Row>
        <Row label={t.needs}>{c.needs}</Row>
        <Row label={t.actions}>
          {c.actions.length === 0 ? (
            <Text c="dimmed">{t.noActions}</Text>
          ) : (
            <Table withTableBorder withColumnBorders className="plan-doc-actions" aria-label={t.actions}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.colAgency}</Table.Th>
                  <Table.Th>{t.colOwner}</Table.Th>
                  <Table.Th>{t.colDescription}</Table.Th>
                  <Table.Th>{t.colDue}</Table.Th>
                  <Table.Th>{t.colDone}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.actions.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>{a.agencyName}</Table.Td>
                    <Table.Td>{a.ownerName ?? ''}</Table.Td>
                    <Table.Td style={pre}>{a.description}</Table.Td>
                    <Table.Td>
                      {a.dueOn ? fmt.date(a.dueOn) : ''}
                      {a.overdue && (
                        <Badge color="red" variant="filled" radius="sm" tt="none" ml={4}>
                          {t.overdue}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {a.doneOn ? (
                        fmt.date(a.doneOn)
                      ) : onDone ? (
                        <Button size="compact-xs" variant="light" className="no-print" aria-label={t.markDone(a.description)} loading={donePending} onClick={() => onDone(a)}>
                          {t.markDoneShort}
                        </Button>
                      ) : (
                        ''
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Row>
        <Row label={t.services}>
          <Group gap="xl">
            <span>{ja.text.labelValue(t.usesParticipation, yesNo(c.usesParticipation))}</span>
            <span>{ja.text.labelValue(t.usesOutreach, yesNo(c.usesOutreach))}</span>
          </Group>
        </Row>
        <Row label={t.period}>{t.periodRange(fmt.date(c.periodFrom), fmt.date(c.periodTo))}</Row>
        <Row label={t.nextReviewOn}>
          {fmt.date(c.nextReviewOn)}
          {reviewOverdue && (
            <Badge color="red" variant="filled" radius="sm" tt="none" ml={8}>
              {t.reviewOverdue}
            </Badge>
          )}
        </Row>
        <Row label={t.agreement}>
          {c.agreement ? `${fmt.date(c.agreement.agreedOn)}・${t.how[c.agreement.how] ?? c.agreement.how}${c.agreement.note ? ja.text.paren(c.agreement.note) : ''}` : t.noAgreement}
        </Row>
        <Row label={t.approval}>
          {version.approval ? t.approvedBy(version.approval.meetingTitle, version.approval.approvedOn ? fmt.date(version.approval.approvedOn) : '') : t.notApproved}
        </Row>
      </Table.Tbody>
    </Table>
  );
}
