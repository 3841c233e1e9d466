import { Badge, Checkbox, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { RequireRole } from '../../components/RequireRole';
import { Section } from '../../components/Section';
import { ja } from '../../i18n/ja';
import {
  addHouseholdMember,
  CONSULTATION_ROLES,
  type HouseholdView,
  householdQueryKey,
  householdQueryOptions,
  type PersonHit,
} from './api';
import { AnchorLink } from './AnchorLink';
import { HouseholdCasesSection } from './cases/HouseholdCasesSection';
import { ButtonLink } from './intake/ButtonLink';
import { roleOptions, toRole } from './DraftMemberList';
import { fullName } from './format';
import { HouseholdMembersTable } from './HouseholdMembersTable';
import { HouseholdDiagrams } from './household-diagrams/HouseholdDiagrams';
import { PersonSearchPicker } from './PersonSearchPicker';

const c = ja.consultation;
const h = c.household;
const route = getRouteApi('/app/consultation/households/$id');

/** 世帯: its members now and before, and 世帯員を追加 (moving someone in from elsewhere). */
export function HouseholdPage() {
  return (
    <RequireRole roles={CONSULTATION_ROLES}>
      <HouseholdScreen />
    </RequireRole>
  );
}

function HouseholdScreen() {
  const { id } = route.useParams();
  const household = useQuery(householdQueryOptions(id));
  return (
    <Stack>
      <AnchorLink to="/consultation" size="sm">
        {c.backToSearch}
      </AnchorLink>
      <ErrorAlert error={household.error} />
      {household.isPending && <Loading />}
      {household.data && <HouseholdBody key={household.data.id} household={household.data} />}
    </Stack>
  );
}

const None = () => (
  <Text c="dimmed" size="sm" component="span">
    {c.person.none}
  </Text>
);

function HouseholdBody({ household }: { household: HouseholdView }) {
  const queryClient = useQueryClient();
  const [role, setRole] = useState<'head' | 'member'>('member');
  const [livingTogether, setLivingTogether] = useState(true);
  const [notice, setNotice] = useState<string | null>(null);
  const current = household.members.filter((m) => m.leftOn === null);
  const past = household.members.filter((m) => m.leftOn !== null);
  const add = useMutation({
    mutationFn: (hit: PersonHit) =>
      addHouseholdMember(household.id, { personId: hit.id, roleInHousehold: role, livingTogether }),
    onMutate: () => setNotice(null),
    onSuccess: (saved, hit) => {
      queryClient.setQueryData(householdQueryKey(saved.id), saved);
      // The person's own page (and any household they left) changed too.
      void queryClient.invalidateQueries({ queryKey: ['persons'] });
      void queryClient.invalidateQueries({ queryKey: ['households'], predicate: (q) => q.queryKey[2] !== saved.id });
      setNotice(h.memberAdded(fullName(hit)));
    },
  });

  return (
    <Stack>
      <Group gap="sm" align="center">
        <PageHeader title={household.label} />
        {household.confidential && (
          <Badge color="red" variant="light" radius="sm" tt="none">
            {c.person.confidentialBadge}
          </Badge>
        )}
      </Group>
      <Group>
        <ButtonLink to="/referral/new" search={{ householdId: household.id }} variant="light">
          {ja.referral.referButton}
        </ButtonLink>
      </Group>
      <Text size="xs" c="dimmed">
        {c.person.readsAudited}
      </Text>
      <Table variant="vertical" layout="fixed" withTableBorder>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th scope="row" w={180}>
              {h.address}
            </Table.Th>
            <Table.Td>{household.address ?? <None />}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{h.notes}</Table.Th>
            <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{household.notes ?? <None />}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <HouseholdCasesSection householdId={household.id} />
      <Section title={h.members}>
        <HouseholdMembersTable label={h.members} members={current} />
      </Section>
      {past.length > 0 && (
        <Section title={h.pastMembers}>
          <HouseholdMembersTable label={h.pastMembers} members={past} />
        </Section>
      )}
      <HouseholdDiagrams household={household} />
      <Section title={h.addMember}>
        <Text size="sm" c="dimmed">
          {h.moveNote}
        </Text>
        <Group align="flex-end" gap="md">
          <Select
            label={h.role}
            data={roleOptions}
            value={role}
            onChange={(v) => setRole(toRole(v))}
            allowDeselect={false}
            w={160}
          />
          <Checkbox
            label={h.livingTogether}
            checked={livingTogether}
            onChange={(e) => setLivingTogether(e.currentTarget.checked)}
            mb={8}
          />
        </Group>
        <Notice>{notice}</Notice>
        <ErrorAlert error={add.error} />
        <PersonSearchPicker
          label={h.searchMember}
          description={h.searchMemberHint}
          actionLabel={h.add}
          doneLabel={h.added}
          isDone={(personId) => current.some((m) => m.personId === personId)}
          pendingId={add.isPending ? add.variables?.id : null}
          onPick={(hit) => add.mutate(hit)}
        />
      </Section>
    </Stack>
  );
}
