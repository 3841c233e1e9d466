import { Button, Group, SegmentedControl, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ja } from '../../../i18n/ja';
import { agenciesQueryOptions } from '../../../lib/agencies';
import { ApiError } from '../../../lib/api';
import { preventEnterWhileComposing } from '../../../lib/ime';
import type { CaseView } from '../../consultation/cases/api';
import { addTeamMember, type TeamMember, type TeamMemberInput } from './api';
import { conflictTitle, useCollaborationAction } from './useCollaborationAction';

const t = ja.collaboration.team;

type Kind = 'agency' | 'resource';

/** チームに加える: an agency (searchable list) or a community resource by name, with role and contact. */
export function TeamAddForm({ kase, members, onDone }: { kase: CaseView; members: TeamMember[]; onDone: (message: string) => void }) {
  const agencies = useQuery(agenciesQueryOptions);
  const [kind, setKind] = useState<Kind>('agency');
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [resourceName, setResourceName] = useState('');
  const [role, setRole] = useState('');
  const [contactPerson, setContactPerson] = useState('');
  const [contactPhone, setContactPhone] = useState('');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const add = useCollaborationAction(
    kase.id,
    (input: TeamMemberInput) => addTeamMember(kase.id, input),
    (saved: TeamMember) => {
      setAgencyId(null);
      setResourceName('');
      setRole('');
      setContactPerson('');
      setContactPhone('');
      onDone(t.added(saved.name));
    },
  );
  const fields = add.error instanceof ApiError ? add.error.fieldErrors() : {};
  const onTeam = new Set(members.filter((m) => !m.until && m.agencyId).map((m) => m.agencyId));
  const options = (agencies.data ?? [])
    .filter((a) => a.status === 'active' && a.id !== kase.leadAgencyId && !onTeam.has(a.id))
    .map((a) => ({ value: a.id, label: a.name }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (kind === 'agency' && !agencyId) problems.agencyId = t.agencyRequired;
    if (kind === 'resource' && !resourceName.trim()) problems.resourceName = t.resourceRequired;
    if (!role.trim()) problems.role = t.roleRequired;
    setMissing(problems);
    if (Object.keys(problems).length > 0) return;
    add.mutate({
      ...(kind === 'agency' && agencyId ? { agencyId } : { resourceName: resourceName.trim() }),
      role: role.trim(),
      ...(contactPerson.trim() ? { contactPerson: contactPerson.trim() } : {}),
      ...(contactPhone.trim() ? { contactPhone: contactPhone.trim() } : {}),
    });
  }

  return (
    <form onSubmit={submit} onKeyDown={preventEnterWhileComposing} noValidate aria-label={t.addTitle}>
      <Stack gap="sm" maw={720}>
        <Title order={3} size="h5">
          {t.addTitle}
        </Title>
        <ErrorAlert error={agencies.error} />
        <SegmentedControl
          aria-label={t.kindLabel}
          value={kind}
          onChange={(v) => setKind(v === 'resource' ? 'resource' : 'agency')}
          data={[
            { value: 'agency', label: t.kindAgency },
            { value: 'resource', label: t.kindResource },
          ]}
          w="fit-content"
        />
        {kind === 'agency' ? (
          <Select
            label={t.agency}
            data={options}
            value={agencyId}
            onChange={setAgencyId}
            error={missing.agencyId ?? fields.agencyId}
            searchable
            nothingFoundMessage={ja.app.none}
            required
          />
        ) : (
          <TextInput
            label={t.resourceName}
            value={resourceName}
            onChange={(e) => setResourceName(e.currentTarget.value)}
            error={missing.resourceName ?? fields.resourceName}
            maxLength={200}
            required
          />
        )}
        <TextInput
          label={t.role}
          value={role}
          onChange={(e) => setRole(e.currentTarget.value)}
          error={missing.role ?? fields.role}
          maxLength={200}
          required
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t.contactPerson}
            value={contactPerson}
            onChange={(e) => setContactPerson(e.currentTarget.value)}
            error={fields.contactPerson}
            maxLength={100}
          />
          <TextInput
            label={t.contactPhone}
            value={contactPhone}
            onChange={(e) => setContactPhone(e.currentTarget.value)}
            error={fields.contactPhone}
            maxLength={40}
            inputMode="tel"
          />
        </SimpleGrid>
        <ErrorAlert error={add.error} title={conflictTitle(add.error)} />
        <Group>
          <Button type="submit" loading={add.isPending}>
            {t.add}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
