import { Alert, Badge, Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Notice } from '../../../components/Notice';
import { PageHeader } from '../../../components/PageHeader';
import { RequireRole } from '../../../components/RequireRole';
import { ja } from '../../../i18n/ja';
import { formatDate, useFormatDate } from '../../../lib/dates';
import { AnchorLink } from '../../consultation/AnchorLink';
import { markActionDone, PLAN_ROLES, type PlanView, planQueryKey, planQueryOptions, planVersionQueryOptions } from './api';
import { PlanCloseSection } from './PlanCloseSection';
import { PlanDiffSection } from './PlanDiffSection';
import { PlanDocument } from './PlanDocument';
import { PlanEvaluationSection } from './PlanEvaluationSection';
import { PlanForm } from './PlanForm';
import '../../../styles/print-a4.css';
import './plan-print.css';

const t = ja.plans;
const route = getRouteApi('/app/collaboration/plans/$id');

/** 支援プラン: the プラン兼利用申込書 of any version, 変更点, 評価, 終結/中断, 再プラン, 印刷 (A4). */
export function PlanPage() {
  return (
    <RequireRole roles={PLAN_ROLES}>
      <PlanScreen />
    </RequireRole>
  );
}

function PlanScreen() {
  const { id } = route.useParams();
  const plan = useQuery(planQueryOptions(id));
  return (
    <Stack className="plan-page">
      {plan.data && (
        <AnchorLink to="/consultation/cases/$id" params={{ id: plan.data.caseId }} size="sm" className="no-print">
          {t.backToCase}
        </AnchorLink>
      )}
      <ErrorAlert error={plan.error} />
      {plan.isPending && <Loading />}
      {plan.data && <PlanBody key={plan.data.id} plan={plan.data} />}
    </Stack>
  );
}

function PlanBody({ plan }: { plan: PlanView }) {
  const fmt = useFormatDate();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [shown, setShown] = useState(plan.currentVersion);
  const isCurrent = shown === plan.currentVersion;
  const old = useQuery({ ...planVersionQueryOptions(plan.id, shown), enabled: !isCurrent });
  const version = isCurrent ? plan.current : old.data;
  const refresh = (next: PlanView, message: string) => {
    queryClient.setQueryData(planQueryKey(plan.id), next);
    void queryClient.invalidateQueries({ queryKey: ['reminders'] });
    setShown(next.currentVersion);
    setNotice(message);
  };
  const done = useMutation({
    mutationFn: (a: { actionNo: number }) => markActionDone(plan.id, plan.currentVersion, a.actionNo, plan.version),
    onSuccess: (next) => refresh(next, t.doneSaved),
    onError: () => queryClient.invalidateQueries({ queryKey: planQueryKey(plan.id) }),
  });
  const printedOn = formatDate(new Date(), 'wareki');

  return (
    <Stack>
      <header className="print-header">
        <h1>{t.formTitle}</h1>
        <p>{t.printVersion(shown, plan.householdLabel, plan.leadAgencyName)}</p>
        <p>{t.printedOn(printedOn)}</p>
      </header>
      <div className="no-print">
        <Group gap="sm" align="center">
          <PageHeader title={`${t.heading}（${plan.householdLabel}）`} />
          <Badge variant="light" color={plan.status === 'active' ? 'teal' : 'gray'} size="lg" radius="sm" tt="none">
            {t.status[plan.status] ?? plan.status}
          </Badge>
        </Group>
        <Group gap="xl" mt="xs">
          <Text>{ja.text.labelValue(t.lead, plan.leadAgencyName)}</Text>
          <Text size="xs" c="dimmed">
            {t.readsAudited}
          </Text>
        </Group>
      </div>
      <div className="no-print">
        <Notice>{notice}</Notice>
      </div>
      {plan.status !== 'active' && (
        <Alert color="gray" variant="light" className="no-print">
          <Text>{t.outcomeLine(t.status[plan.status] ?? plan.status, plan.outcomeOn ? fmt.date(plan.outcomeOn) : '')}</Text>
          {plan.outcomeReason && <Text style={{ whiteSpace: 'pre-wrap' }}>{ja.text.labelValue(t.outcomeReason, plan.outcomeReason)}</Text>}
          {plan.replacedByPlanId && (
            <AnchorLink to="/collaboration/plans/$id" params={{ id: plan.replacedByPlanId }}>
              {t.replacedBy}
            </AnchorLink>
          )}
        </Alert>
      )}
      {plan.replacesPlanId && (
        <AnchorLink to="/collaboration/plans/$id" params={{ id: plan.replacesPlanId }} size="sm" className="no-print">
          {t.replaces}
        </AnchorLink>
      )}
      <Group className="no-print" align="flex-end">
        <NativeSelect
          label={t.versionSelect}
          value={String(shown)}
          onChange={(e) => setShown(Number(e.currentTarget.value))}
          data={[...plan.versions].reverse().map((v) => ({ value: String(v.versionNo), label: `${t.versionLabel(v.versionNo)}${v.versionNo === plan.currentVersion ? t.currentMark : ''}` }))}
        />
        <Button variant="default" onClick={() => window.print()}>
          {t.print}
        </Button>
        {plan.canEdit && !editing && <Button onClick={() => setEditing(true)}>{t.edit}</Button>}
        {plan.canReplan && !plan.replacedByPlanId && (
          <Button onClick={() => void navigate({ to: '/collaboration/plans/new', search: { caseId: plan.caseId, replaces: plan.id } })}>{t.replan}</Button>
        )}
      </Group>
      {editing ? (
        <PlanForm
          caseId={plan.caseId}
          leadAgencyId={plan.leadAgencyId}
          leadAgencyName={plan.leadAgencyName}
          mode="revise"
          plan={plan}
          onCancel={() => setEditing(false)}
          onSaved={(next) => {
            setEditing(false);
            refresh(next, t.revised(next.currentVersion));
          }}
        />
      ) : (
        <>
          <ErrorAlert error={old.error} />
          {!isCurrent && (
            <Alert color="yellow" variant="light" className="no-print">
              {t.oldVersionNotice}
            </Alert>
          )}
          {version && (
            <>
              <Text size="sm" c="dimmed" className="no-print">
                {t.versionLabel(version.versionNo)} {t.versionMeta(fmt.dateTime(version.createdAt), version.createdBy, version.createdByAgency)}
                {version.changeNote ? `　${ja.text.labelValue(t.changeNote, version.changeNote)}` : ''}
              </Text>
              <ErrorAlert error={done.error} />
              <PlanDocument
                version={version}
                reviewOverdue={isCurrent && plan.reviewOverdue}
                onDone={isCurrent && plan.canEdit ? (a) => done.mutate(a) : undefined}
                donePending={done.isPending}
              />
              <p className="plan-signature">{t.signatureLine}</p>
            </>
          )}
        </>
      )}
      {plan.versions.length > 1 && <PlanDiffSection plan={plan} shown={shown} />}
      <PlanEvaluationSection plan={plan} onSaved={(next) => refresh(next, t.evaluationSaved)} />
      {plan.canEdit && <PlanCloseSection plan={plan} onSaved={(next) => refresh(next, t.closedSaved)} />}
    </Stack>
  );
}
