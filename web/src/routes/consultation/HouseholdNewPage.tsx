import { Button, Checkbox, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useId, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { RequireRole } from '../../components/RequireRole';
import { Section } from '../../components/Section';
import { ja } from '../../i18n/ja';
import { ApiError } from '../../lib/api';
import { CONSULTATION_ROLES, householdQueryKey, registerHousehold } from './api';
import { AnchorLink } from './AnchorLink';
import { type DraftMember, DraftMemberList } from './DraftMemberList';
import { PersonSearchPicker } from './PersonSearchPicker';

const c = ja.consultation;
const h = c.household;

/** 世帯の登録: name the household, add members found by 本人検索, then 登録. */
export function HouseholdNewPage() {
  return (
    <RequireRole roles={CONSULTATION_ROLES}>
      <HouseholdNewScreen />
    </RequireRole>
  );
}

function HouseholdNewScreen() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const labelId = useId();
  const [label, setLabel] = useState('');
  const [address, setAddress] = useState('');
  const [notes, setNotes] = useState('');
  const [confidential, setConfidential] = useState(false);
  const [members, setMembers] = useState<DraftMember[]>([]);
  const [missingLabel, setMissingLabel] = useState(false);
  const register = useMutation({
    mutationFn: () =>
      registerHousehold({
        label: label.trim(),
        address: address.trim() || null,
        notes: notes.trim() ? notes : null,
        confidential,
        members: members.map((m) => ({
          personId: m.hit.id,
          roleInHousehold: m.roleInHousehold,
          livingTogether: m.livingTogether,
        })),
      }),
    onSuccess: async (household) => {
      queryClient.setQueryData(householdQueryKey(household.id), household);
      await queryClient.invalidateQueries({ queryKey: ['persons'] });
      await navigate({ to: '/consultation/households/$id', params: { id: household.id } });
    },
  });
  const fields = register.error instanceof ApiError ? register.error.fieldErrors() : {};
  const labelError = missingLabel && !label.trim() ? h.labelRequired : fields.label;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing = label.trim() === '';
    setMissingLabel(missing);
    if (missing) {
      document.getElementById(labelId)?.focus();
      return;
    }
    register.mutate();
  }

  return (
    <Stack>
      <AnchorLink to="/consultation" size="sm">
        {c.backToSearch}
      </AnchorLink>
      <PageHeader title={h.newHeading} />
      <form onSubmit={submit} noValidate>
        <Stack gap="md" maw={880}>
          <TextInput
            id={labelId}
            label={h.label}
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            error={labelError}
            autoComplete="off"
            maxLength={100}
            required
          />
          <TextInput
            label={h.address}
            value={address}
            onChange={(e) => setAddress(e.currentTarget.value)}
            error={fields.address}
            autoComplete="off"
            maxLength={200}
          />
          <Textarea
            label={h.notes}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            error={fields.notes}
            autosize
            minRows={2}
            maxLength={4000}
          />
          <Checkbox label={h.confidential} checked={confidential} onChange={(e) => setConfidential(e.currentTarget.checked)} />
          <Section title={h.members}>
            <DraftMemberList members={members} onChange={setMembers} error={fields.members} />
            <PersonSearchPicker
              label={h.searchMember}
              description={h.searchMemberHint}
              actionLabel={h.add}
              doneLabel={h.added}
              isDone={(id) => members.some((m) => m.hit.id === id)}
              onPick={(hit) =>
                setMembers((list) => [
                  ...list,
                  { hit, roleInHousehold: list.some((m) => m.roleInHousehold === 'head') ? 'member' : 'head', livingTogether: true },
                ])
              }
            />
          </Section>
          <ErrorAlert error={register.error} />
          <Group>
            <Button type="submit" loading={register.isPending}>
              {h.register}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
