import { Button, Group, NumberInput, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { RequireRole } from '../../components/RequireRole';
import { Section } from '../../components/Section';
import { ja } from '../../i18n/ja';
import { AnchorLink } from '../consultation/AnchorLink';
import { REFERRAL_ROLES, type UnownedReason, type UnownedResult, unownedQueryOptions } from './api';
import { UnownedTable } from './UnownedTable';

const r = ja.referral;
const u = r.unowned;

/**
 * 誰も担当していない相談. The first load asks without `days`, so the server uses the municipality's
 * 連絡なしとみなす日数 and says which; the user may then try another number.
 */
export function UnownedPage() {
  return (
    <RequireRole roles={REFERRAL_ROLES}>
      <UnownedScreen />
    </RequireRole>
  );
}

function UnownedScreen() {
  const [days, setDays] = useState<number | null>(null);
  const [input, setInput] = useState<string | number>('');
  const [reason, setReason] = useState<UnownedReason | 'all'>('all');
  const result = useQuery(unownedQueryOptions(days, reason === 'all' ? null : reason));
  const shownDays = result.data?.days;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const n = typeof input === 'number' ? input : Number.parseInt(input, 10);
    setDays(Number.isFinite(n) && n > 0 ? n : null);
  }

  return (
    <Stack>
      <AnchorLink to="/referral" size="sm">
        {r.back}
      </AnchorLink>
      <PageHeader title={u.heading} description={u.intro} />
      <form onSubmit={submit} noValidate>
        <Group align="flex-end" gap="sm">
          <NumberInput
            label={u.days}
            description={u.daysHint}
            value={input === '' && shownDays !== undefined ? shownDays : input}
            onChange={setInput}
            min={1}
            max={365}
            allowDecimal={false}
            allowNegative={false}
            w={240}
          />
          <Button type="submit" loading={result.isFetching}>
            {u.apply}
          </Button>
        </Group>
      </form>
      <SegmentedControl
        aria-label={u.reasonFilter}
        value={reason}
        onChange={(v) => setReason(v as UnownedReason | 'all')}
        data={[
          { value: 'all', label: u.reasonAll },
          { value: 'no_owner', label: u.reasons.no_owner ?? '' },
          { value: 'no_next_step', label: u.reasons.no_next_step ?? '' },
          { value: 'no_contact', label: u.reasonNoContact },
        ]}
        w="fit-content"
      />
      <ErrorAlert error={result.error} />
      {result.isPending && <Loading />}
      {result.data && <UnownedTable items={result.data.items} />}
      {result.data?.total !== undefined && result.data.total > result.data.items.length && (
        <Text size="sm" c="dimmed">
          {u.partial(result.data.items.length, result.data.total)}
        </Text>
      )}
      {result.data?.byAgency && <ByAgency rows={result.data.byAgency} />}
    </Stack>
  );
}

/** 機関ごとの件数 (counts only; for コーディネーター and 市町村管理者). */
function ByAgency({ rows }: { rows: NonNullable<UnownedResult['byAgency']> }) {
  return (
    <Section title={u.byAgency}>
      <Table aria-label={u.byAgencyTable} striped verticalSpacing="xs" maw={560}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{u.colAgency}</Table.Th>
            <Table.Th scope="col" ta="right">
              {u.colCount}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.agencyId}>
              <Table.Td>{row.agencyName}</Table.Td>
              <Table.Td ta="right">{u.count(row.count)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Section>
  );
}
