import { Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { RequireRole } from '../../../components/RequireRole';
import { Section } from '../../../components/Section';
import { ja } from '../../../i18n/ja';
import { plansQueryOptions, TARGET_READERS } from './api';
import { PlanFormModal } from './PlanFormModal';
import { SmallCellSection } from './SmallCellSection';
import { TargetsSection } from './TargetsSection';

const t = ja.targets;

/** 年度 of a day in Japan (April–March). */
function fiscalYearOf(date: Date): number {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit' }).format(date).split('-').map(Number);
  return (m ?? 1) >= 4 ? (y ?? 0) : (y ?? 0) - 1;
}

/** 計画と目標: for a plan and a 年度, each indicator's target against the actual, with the evaluation (PDCA). */
export function TargetsPage() {
  return (
    <RequireRole roles={TARGET_READERS}>
      <TargetsScreen />
    </RequireRole>
  );
}

function TargetsScreen() {
  const plans = useQuery(plansQueryOptions);
  const [planId, setPlanId] = useState<string | null>(null);
  const [year, setYear] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const items = plans.data?.items ?? [];
  const plan = items.find((p) => p.id === planId) ?? items[0];
  const current = fiscalYearOf(new Date());
  const years = plan ? Array.from({ length: plan.toFiscalYear - plan.fromFiscalYear + 1 }, (_, i) => plan.fromFiscalYear + i) : [];
  const fiscalYear = year !== null && years.includes(year) ? year : plan ? Math.min(plan.toFiscalYear, Math.max(plan.fromFiscalYear, current)) : current;

  return (
    <Stack>
      <PageHeader title={t.title} description={t.intro} />
      <ErrorAlert error={plans.error} />
      {plans.isPending && <Loading />}
      {plans.data && (
        <Group align="flex-end">
          {items.length > 0 && plan ? (
            <>
              <NativeSelect
                label={t.plan}
                value={plan.id}
                onChange={(e) => setPlanId(e.currentTarget.value)}
                data={items.map((p) => ({ value: p.id, label: t.planOption(p.name, p.fromFiscalYear, p.toFiscalYear) }))}
              />
              <NativeSelect label={t.fiscalYear} value={String(fiscalYear)} onChange={(e) => setYear(Number(e.currentTarget.value))} data={years.map((y) => ({ value: String(y), label: t.fiscalYearOption(y) }))} />
            </>
          ) : (
            <Text>{t.noPlans}</Text>
          )}
          {plans.data.canEdit && (
            <Button variant="default" onClick={() => setAdding(true)}>
              {t.addPlan}
            </Button>
          )}
        </Group>
      )}
      {plan && (
        <Section title={t.tableLabel}>
          <TargetsSection planId={plan.id} fiscalYear={fiscalYear} />
        </Section>
      )}
      {plans.data && <SmallCellSection />}
      {adding && (
        <PlanFormModal
          defaultYear={current}
          onClose={() => setAdding(false)}
          onDone={(saved) => {
            setAdding(false);
            setPlanId(saved.id);
            setYear(null);
          }}
        />
      )}
    </Stack>
  );
}
