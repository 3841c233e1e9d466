import { SegmentedControl, Stack, Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Section } from '../../../components/Section';
import { ja } from '../../../i18n/ja';
import type { HouseholdView } from '../api';
import { ecomapQueryOptions } from './api';
import { Ecomap, EcomapTable } from './Ecomap';
import { Genogram } from './Genogram';
import { GenogramTable } from './GenogramTable';
import { RelationshipEditor } from './RelationshipEditor';

const d = ja.diagrams;
type View = 'chart' | 'table';

function ViewSwitch({ value, onChange }: { value: View; onChange: (v: View) => void }) {
  return (
    <SegmentedControl
      aria-label={d.viewLabel}
      value={value}
      onChange={(v) => onChange(v === 'table' ? 'table' : 'chart')}
      data={[
        { value: 'chart', label: d.viewChart },
        { value: 'table', label: d.viewTable },
      ]}
      w={160}
    />
  );
}

/** 家族図・エコマップ on the household page: each as a chart (図) or the same data as a table (表). */
export function HouseholdDiagrams({ household }: { household: HouseholdView }) {
  const [tab, setTab] = useState<string | null>('genogram');
  const [genogramView, setGenogramView] = useState<View>('chart');
  const [ecomapView, setEcomapView] = useState<View>('chart');
  // The ecomap read is audited: fetched only when someone opens it.
  const ecomap = useQuery({ ...ecomapQueryOptions(household.id), enabled: tab === 'ecomap' });
  const members = household.members.filter((m) => m.leftOn === null).length;
  return (
    <Section title={d.section}>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="genogram">{d.genogram}</Tabs.Tab>
          <Tabs.Tab value="ecomap">{d.ecomap}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="genogram" pt="sm">
          <Stack gap="sm">
            <ViewSwitch value={genogramView} onChange={setGenogramView} />
            {genogramView === 'chart' ? <Genogram household={household} /> : <GenogramTable household={household} />}
            <RelationshipEditor household={household} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="ecomap" pt="sm">
          <Stack gap="sm">
            <ViewSwitch value={ecomapView} onChange={setEcomapView} />
            <ErrorAlert error={ecomap.error} />
            {ecomap.isPending && <Loading />}
            {ecomap.data && (ecomapView === 'chart' ? <Ecomap map={ecomap.data} members={members} /> : <EcomapTable map={ecomap.data} />)}
            <Text size="xs" c="dimmed">
              {d.resourcesNote}
            </Text>
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </Section>
  );
}
