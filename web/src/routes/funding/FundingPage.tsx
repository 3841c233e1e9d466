import { Group, NativeSelect, Stack } from '@mantine/core';
import { useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { RequireRole } from '../../components/RequireRole';
import { ja } from '../../i18n/ja';
import { FUNDING_ROLES, fiscalYearOf } from './api';
import { CostsSection } from './CostsSection';
import { RatesSection } from './RatesSection';
import { RunSection } from './RunSection';

const t = ja.funding;

/** 交付金・経費按分: the year's configuration (versioned, サンプル labelled), costs, 按分 runs and their trace. */
export function FundingPage() {
  return (
    <RequireRole roles={FUNDING_ROLES}>
      <FundingScreen />
    </RequireRole>
  );
}

function FundingScreen() {
  const current = fiscalYearOf(new Date());
  const [fiscalYear, setFiscalYear] = useState(current);
  const years = Array.from({ length: 8 }, (_, i) => current - 5 + i);
  return (
    <Stack>
      <PageHeader title={t.title} description={t.intro} />
      <Group>
        <NativeSelect label={t.fiscalYear} value={String(fiscalYear)} onChange={(e) => setFiscalYear(Number(e.currentTarget.value))} data={years.map((y) => ({ value: String(y), label: t.fiscalYearOption(y) }))} />
      </Group>
      <RatesSection fiscalYear={fiscalYear} />
      <CostsSection fiscalYear={fiscalYear} />
      <RunSection fiscalYear={fiscalYear} />
    </Stack>
  );
}
