import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Section } from '../../components/Section';
import { ja } from '../../i18n/ja';
import { api } from '../../lib/api';
import { preventEnterWhileComposing } from '../../lib/ime';
import { PersonSearchPicker } from '../consultation/PersonSearchPicker';
import { type LeadView, updateLead } from './api';
import { useLeadAction } from './useLeadAction';

const o = ja.outreach;

/**
 * 本人を特定: choose the person with 本人検索 (only persons the worker may see appear) or register
 * them with the ordinary person API, then link them to the lead.
 */
export function IdentifySection({ lead, onSaved }: { lead: LeadView; onSaved: (msg: string) => void }) {
  const link = useLeadAction(lead, (personId: string | null) => updateLead(lead.id, { version: lead.version, personId }), () => onSaved(o.personLinked));
  const [family, setFamily] = useState('');
  const [given, setGiven] = useState('');
  const [familyKana, setFamilyKana] = useState('');
  const [givenKana, setGivenKana] = useState('');
  const [registerError, setRegisterError] = useState<unknown>(null);
  const [registering, setRegistering] = useState(false);
  const register = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!family.trim()) return;
    setRegistering(true);
    setRegisterError(null);
    try {
      const person = await api.post<{ id: string }>('/persons', {
        familyName: family.trim(),
        givenName: given.trim(),
        familyKana: familyKana.trim() || null,
        givenKana: givenKana.trim() || null,
      });
      link.mutate(person.id);
    } catch (error) {
      setRegisterError(error);
    } finally {
      setRegistering(false);
    }
  };
  return (
    <Section title={o.identify}>
      {lead.personId ? (
        <Group>
          <Text>{lead.personName}</Text>
          <Button variant="subtle" color="gray" size="xs" onClick={() => link.mutate(null)} loading={link.isPending}>
            {o.unlinkPerson}
          </Button>
        </Group>
      ) : (
        <Stack gap="md">
          <PersonSearchPicker label={o.identifySearch} description={o.identifySearchHint} actionLabel={o.choose} pendingId={link.isPending ? link.variables : null} onPick={(hit) => link.mutate(hit.id)} />
          <form onSubmit={register} onKeyDown={preventEnterWhileComposing} noValidate aria-label={o.registerPerson}>
            <Stack gap="xs">
              <Text fw={600} size="sm">
                {o.registerPerson}
              </Text>
              <Group grow>
                <TextInput label={o.familyName} value={family} onChange={(e) => setFamily(e.currentTarget.value)} maxLength={50} required />
                <TextInput label={o.givenName} value={given} onChange={(e) => setGiven(e.currentTarget.value)} maxLength={50} />
              </Group>
              <Group grow>
                <TextInput label={o.familyKana} value={familyKana} onChange={(e) => setFamilyKana(e.currentTarget.value)} maxLength={50} />
                <TextInput label={o.givenKana} value={givenKana} onChange={(e) => setGivenKana(e.currentTarget.value)} maxLength={50} />
              </Group>
              <ErrorAlert error={registerError} />
              <Group>
                <Button type="submit" variant="light" loading={registering}>
                  {o.registerAndLink}
                </Button>
              </Group>
            </Stack>
          </form>
        </Stack>
      )}
      <ErrorAlert error={link.error} />
    </Section>
  );
}
