import { Button, Group, List, NativeSelect, NumberInput, Stack, Table, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Notice } from '../../../components/Notice';
import { ja } from '../../../i18n/ja';
import { ApiError } from '../../../lib/api';
import { type Decision, DECISIONS, type Material, type MeetingView, materialQueryOptions, meetingChanged, saveDecision, saveMinutes } from './api';
import { InfoRequests } from './InfoRequests';

const m = ja.meetings;

/** 会議資料 of one agenda item (each view is audited by the server), with 議事録 and 決定 for the convener. */
export function AgendaMaterial({ meeting, itemId }: { meeting: MeetingView; itemId: string }) {
  const material = useQuery(materialQueryOptions(itemId));
  // Kept here: the outcome form remounts on every saved version, the notice must survive that.
  const [notice, setNotice] = useState<string | null>(null);
  if (material.error) return <ErrorAlert error={material.error} />;
  if (!material.data) return <Loading />;
  const data = material.data;
  const editable = meeting.myRole === 'convener' && meeting.status === 'open';
  return (
    <Stack gap="sm" mt="xs" aria-label={m.material} component="section">
      <Table withTableBorder variant="vertical" aria-label={m.material}>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={140}>{m.household}</Table.Th>
            <Table.Td>{data.householdLabel}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{m.lead}</Table.Th>
            <Table.Td>{data.leadAgencyName}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{m.householdMembers}</Table.Th>
            <Table.Td>
              <List size="sm">
                {data.members.map((p) => (
                  <List.Item key={p.personId}>
                    {p.name}
                    {p.concerns.length > 0 ? `：${p.concerns.join('、')}` : ''}
                  </List.Item>
                ))}
              </List>
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{m.accessBasis}</Table.Th>
            <Table.Td>{data.accessBasis}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {editable ? <OutcomeForms key={data.version} material={data} notice={notice} setNotice={setNotice} /> : <OutcomeText material={data} />}
      <InfoRequests meeting={meeting} material={data} />
    </Stack>
  );
}

function OutcomeText({ material }: { material: Material }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {m.minutes}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {material.minutes ?? ja.app.none}
      </Text>
      {material.decision && <Text size="sm">{`${m.decision}: ${m.decisions[material.decision]}${material.decisionNote ? `（${material.decisionNote}）` : ''}`}</Text>}
    </Stack>
  );
}

function OutcomeForms({ material, notice, setNotice }: { material: Material; notice: string | null; setNotice: (n: string | null) => void }) {
  const queryClient = useQueryClient();
  const [minutes, setMinutes] = useState(material.minutes ?? '');
  const [decision, setDecision] = useState<Decision | ''>(material.decision ?? '');
  const [note, setNote] = useState(material.decisionNote ?? '');
  // プラン承認 approves the case's 実施中の支援プラン; the version defaults to its newest.
  const planId = material.planId ?? material.activePlan?.planId ?? null;
  const [planVersion, setPlanVersion] = useState<string | number>(material.planVersion ?? material.activePlan?.currentVersion ?? '');
  const done = (message: string) => {
    meetingChanged(queryClient);
    setNotice(message);
  };
  const saveM = useMutation({ mutationFn: () => saveMinutes(material.agendaItemId, minutes, material.version), onMutate: () => setNotice(null), onSuccess: () => done(m.minutesSaved) });
  const saveD = useMutation({
    mutationFn: () =>
      saveDecision(material.agendaItemId, {
        decision: decision as Decision,
        note: note.trim() || null,
        planId: decision === 'plan_approved' ? planId : null,
        planVersion: decision === 'plan_approved' && planVersion !== '' ? Number(planVersion) : null,
        version: material.version,
      }),
    onMutate: () => setNotice(null),
    onSuccess: () => done(m.decisionSaved),
  });
  const fields = saveD.error instanceof ApiError ? saveD.error.fieldErrors() : {};
  return (
    <Stack gap="xs">
      <Notice>{notice}</Notice>
      <ErrorAlert error={saveM.error ?? saveD.error} />
      <Textarea label={m.minutes} value={minutes} onChange={(e) => setMinutes(e.currentTarget.value)} autosize minRows={3} />
      <Group>
        <Button variant="default" size="xs" onClick={() => saveM.mutate()} disabled={!minutes.trim()} loading={saveM.isPending}>
          {m.saveMinutes}
        </Button>
      </Group>
      <Group align="flex-end">
        <NativeSelect
          label={m.decision}
          value={decision}
          onChange={(e) => setDecision(e.currentTarget.value as Decision | '')}
          data={[{ value: '', label: '—' }, ...DECISIONS.map((d) => ({ value: d, label: m.decisions[d] ?? d }))]}
          error={fields.decision}
        />
        {decision === 'plan_approved' && (
          <>
            <Text size="sm" c={planId ? undefined : 'red'} pb={6} aria-live="polite">
              {planId ? m.planToApprove : (fields.planId ?? m.noActivePlan)}
            </Text>
            <NumberInput label={m.planVersion} value={planVersion} onChange={setPlanVersion} min={1} allowDecimal={false} w={100} error={fields.planVersion} />
          </>
        )}
      </Group>
      <Textarea label={m.decisionNote} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
      <Group>
        <Button size="xs" onClick={() => saveD.mutate()} disabled={!decision} loading={saveD.isPending}>
          {m.saveDecision}
        </Button>
      </Group>
    </Stack>
  );
}
