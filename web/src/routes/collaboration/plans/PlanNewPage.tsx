import { Alert, Stack } from '@mantine/core';
import { useQueryClient, useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { RequireRole } from '../../../components/RequireRole';
import { Section } from '../../../components/Section';
import { ja } from '../../../i18n/ja';
import { AnchorLink } from '../../consultation/AnchorLink';
import { caseQueryOptions } from '../../consultation/cases/api';
import { PLAN_ROLES, planQueryKey, planQueryOptions } from './api';
import { PlanForm } from './PlanForm';

const t = ja.plans;
const route = getRouteApi('/app/collaboration/plans/new');

export interface PlanNewSearch {
  caseId?: string;
  /** 再プラン: the ended plan the new one follows (its content is the starting point). */
  replaces?: string;
}

export function validatePlanNewSearch(search: Record<string, unknown>): PlanNewSearch {
  const pick = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  const caseId = pick(search.caseId);
  const replaces = pick(search.replaces);
  return { ...(caseId ? { caseId } : {}), ...(replaces ? { replaces } : {}) };
}

/** 支援プランを作成 (or 再プラン) for a case: /collaboration/plans/new?caseId=…[&replaces=…]. */
export function PlanNewPage() {
  return (
    <RequireRole roles={PLAN_ROLES}>
      <PlanNewScreen />
    </RequireRole>
  );
}

function PlanNewScreen() {
  const { caseId, replaces } = route.useSearch();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const kase = useQuery({ ...caseQueryOptions(caseId ?? ''), enabled: !!caseId });
  const previous = useQuery({ ...planQueryOptions(replaces ?? ''), enabled: !!replaces });
  const title = replaces ? t.replanHeading : t.newHeading;
  if (!caseId) return <Alert color="yellow">{ja.app.notFound}</Alert>;
  return (
    <Stack>
      <AnchorLink to="/consultation/cases/$id" params={{ id: caseId }} size="sm">
        {t.backToCase}
      </AnchorLink>
      <PageHeader title={kase.data ? `${title}（${kase.data.householdLabel}）` : title} />
      <ErrorAlert error={kase.error ?? previous.error} />
      {(kase.isPending || (replaces && previous.isPending)) && <Loading />}
      {kase.data && (!replaces || previous.data) && (
        <Section title={t.formTitle}>
          <PlanForm
            caseId={caseId}
            leadAgencyId={kase.data.leadAgencyId}
            leadAgencyName={kase.data.leadAgencyName}
            mode={replaces ? 'replan' : 'create'}
            plan={previous.data}
            onSaved={(plan) => {
              queryClient.setQueryData(planQueryKey(plan.id), plan);
              void queryClient.invalidateQueries({ queryKey: ['case-plans', caseId] });
              void queryClient.invalidateQueries({ queryKey: ['reminders'] });
              if (replaces) void queryClient.invalidateQueries({ queryKey: planQueryKey(replaces) });
              void navigate({ to: '/collaboration/plans/$id', params: { id: plan.id } });
            }}
          />
        </Section>
      )}
    </Stack>
  );
}
