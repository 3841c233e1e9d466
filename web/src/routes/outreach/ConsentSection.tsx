import { Alert, Button, Group, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Section } from '../../components/Section';
import { ja } from '../../i18n/ja';
import { ApiError } from '../../lib/api';
import { preventEnterWhileComposing } from '../../lib/ime';
import { type LeadView, moveToCase } from './api';
import { useLeadAction } from './useLeadAction';

const o = ja.outreach;

/**
 * 同意を得て相談・ケースへ移行: records 同意あり with its scope on a new 相談受付 and opens the case
 * for the household with this agency as 主担当 — all at once on the server.
 */
export function ConsentSection({ lead, onSaved }: { lead: LeadView; onSaved: (msg: string) => void }) {
  const [scope, setScope] = useState<'all' | 'own'>('all');
  const [validUntil, setValidUntil] = useState('');
  const [summary, setSummary] = useState(lead.concern);
  const [householdLabel, setHouseholdLabel] = useState('');
  const save = useLeadAction(
    lead,
    () =>
      moveToCase(lead.id, {
        version: lead.version,
        agencyScope: scope === 'own' ? [lead.agencyId] : null,
        validUntil: validUntil || null,
        summary: summary.trim() || null,
        householdLabel: householdLabel.trim() || null,
      }),
    () => onSaved(o.consentDone),
  );
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate(undefined);
  };
  return (
    <Section title={o.consentSection}>
      <Text size="sm">{o.consentIntro}</Text>
      {!lead.personId ? (
        <Alert color="yellow" variant="light">
          {o.consentNeedsPerson}
        </Alert>
      ) : (
        <form onSubmit={submit} onKeyDown={preventEnterWhileComposing} noValidate aria-label={o.consentSection}>
          <Stack gap="xs">
            <Radio.Group label={o.consentScope} value={scope} onChange={(v) => setScope(v === 'own' ? 'own' : 'all')}>
              <Group mt={4}>
                <Radio value="all" label={o.consentScopeAll} />
                <Radio value="own" label={o.consentScopeOwn} />
              </Group>
            </Radio.Group>
            <TextInput type="date" label={o.consentValidUntil} value={validUntil} onChange={(e) => setValidUntil(e.currentTarget.value)} error={errors.validUntil} w={220} />
            <Textarea label={o.consentSummary} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} autosize minRows={2} maxLength={4000} />
            {!lead.householdId && <TextInput label={o.householdLabel} value={householdLabel} onChange={(e) => setHouseholdLabel(e.currentTarget.value)} maxLength={100} />}
            <ErrorAlert error={save.error} />
            <Group>
              <Button type="submit" color="teal" loading={save.isPending}>
                {o.consentSubmit}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Section>
  );
}
