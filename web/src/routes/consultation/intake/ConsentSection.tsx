import { Button, Group, MultiSelect, Radio, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Notice } from '../../../components/Notice';
import { Section } from '../../../components/Section';
import { ja } from '../../../i18n/ja';
import { agenciesQueryOptions } from '../../../lib/agencies';
import { ApiError, isApiError } from '../../../lib/api';
import { useFormatDate } from '../../../lib/dates';
import { CONSENT_STATUSES, type ConsentStatus, type ConsultationView, consultationQueryKey, recordConsent } from './api';
import { consentLabel } from './format';
import { ConsentBadge, useScopeLabel } from './IntakeDetails';

const i = ja.consultation.intake;

/** 同意を記録: a new decision (incl. 撤回) with its scope and end date; the old ones stay in the history. */
export function ConsentForm({ consultation }: { consultation: ConsultationView }) {
  const queryClient = useQueryClient();
  const fmt = useFormatDate();
  const agencies = useQuery(agenciesQueryOptions);
  const current = consultation.consent;
  const [status, setStatus] = useState<ConsentStatus>(current.status);
  const [scope, setScope] = useState<string[]>(current.agencyScope ?? []);
  const [validUntil, setValidUntil] = useState(current.validUntil ? fmt.date(current.validUntil) : '');
  const [notice, setNotice] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () =>
      recordConsent(consultation.id, {
        status,
        agencyScope: scope.length > 0 ? scope : null,
        validUntil: validUntil.trim() || null,
        version: consultation.version,
      }),
    onMutate: () => setNotice(null),
    onSuccess: (saved) => {
      queryClient.setQueryData(consultationQueryKey(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['consultations', 'list'] });
      setNotice(i.consentSaved);
    },
    onError: async (error) => {
      // Someone saved first: reload so the next try carries the latest version.
      if (isApiError(error, 'conflict')) await queryClient.invalidateQueries({ queryKey: consultationQueryKey(consultation.id) });
    },
  });
  const fields = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const options = (agencies.data ?? [])
    .filter((a) => a.status === 'active' || scope.includes(a.id))
    .map((a) => ({ value: a.id, label: a.name }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <Section title={i.recordConsent}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" maw={640}>
          <Radio.Group
            label={i.consent}
            value={status}
            onChange={(v) => setStatus((CONSENT_STATUSES as readonly string[]).includes(v) ? (v as ConsentStatus) : 'unknown')}
            error={fields.status}
          >
            <Group gap="md" mt="xs">
              {CONSENT_STATUSES.map((s) => (
                <Radio key={s} value={s} label={consentLabel(s)} />
              ))}
            </Group>
          </Radio.Group>
          <MultiSelect
            label={i.consentScope}
            description={i.consentScopeHint}
            data={options}
            value={scope}
            onChange={setScope}
            error={fields.agencyScope}
            searchable
            clearable
          />
          <TextInput
            label={i.validUntil}
            description={i.dateHint}
            value={validUntil}
            onChange={(e) => setValidUntil(e.currentTarget.value)}
            error={fields.validUntil}
            autoComplete="off"
            maxLength={40}
            maw={320}
          />
          <Notice>{notice}</Notice>
          <ErrorAlert error={save.error} title={isApiError(save.error, 'conflict') ? i.conflictReloaded : undefined} />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {i.record}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

/** 同意の履歴: every decision, newest first as the server gives them. */
export function ConsentHistory({ consultation }: { consultation: ConsultationView }) {
  const fmt = useFormatDate();
  const scope = useScopeLabel();
  return (
    <Section title={i.consentHistory}>
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label={i.consentHistory} striped verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{i.colRecordedAt}</Table.Th>
              <Table.Th scope="col">{i.colStatus}</Table.Th>
              <Table.Th scope="col">{i.colScope}</Table.Th>
              <Table.Th scope="col">{i.validUntil}</Table.Th>
              <Table.Th scope="col">{i.colRecordedBy}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {consultation.consentHistory.map((h) => (
              <Table.Tr key={`${h.recordedAt}-${h.status}-${h.recordedBy}`}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(h.recordedAt)}</Table.Td>
                <Table.Td>
                  <ConsentBadge status={h.status} />
                </Table.Td>
                <Table.Td>{scope(h.agencyScope)}</Table.Td>
                <Table.Td>{h.validUntil ? fmt.date(h.validUntil) : <Text size="sm" c="dimmed" component="span">{i.noLimit}</Text>}</Table.Td>
                <Table.Td>{h.recordedBy}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}
