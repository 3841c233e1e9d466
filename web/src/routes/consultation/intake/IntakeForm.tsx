import { Button, Group, Radio, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ja } from '../../../i18n/ja';
import { ApiError } from '../../../lib/api';
import { useFormatDate } from '../../../lib/dates';
import { preventEnterWhileComposing } from '../../../lib/ime';
import { useMe } from '../../../lib/me';
import { type ConsultationInput, INTAKE_CONSENTS, type IntakeRoute, ROUTES } from './api';
import { ConcernChecklist } from './ConcernChecklist';
import { consentLabel, japanTodayIso, routeLabel } from './format';
import { type PickedPerson, PersonField } from './PersonField';

const i = ja.consultation.intake;
type IntakeConsent = (typeof INTAKE_CONSENTS)[number];

/** The first server message for `path` or anything under it ("visitor.name", "categories.0"). */
function errorLookup(error: unknown) {
  const fields = error instanceof ApiError ? error.fieldErrors() : {};
  return (path: string): string | undefined =>
    fields[path] ?? Object.entries(fields).find(([k]) => k.startsWith(`${path}.`) || k.startsWith(`${path}[`))?.[1];
}

const blankToUndefined = (s: string) => (s.trim() === '' ? undefined : s.trim());

/**
 * 相談受付: keyboard-only usable (DOM order is tab order; Enter in a text field submits, except in
 * 本人を検索 where it searches). Only 相談内容 is required; the person may be unknown or anonymous.
 */
export function IntakeForm({
  initialPerson,
  pending,
  error,
  onSubmit,
}: {
  initialPerson: PickedPerson | null;
  pending: boolean;
  error: unknown;
  onSubmit: (input: ConsultationInput) => void;
}) {
  const me = useMe();
  const fmt = useFormatDate();
  const summaryId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [receivedOn, setReceivedOn] = useState(() => fmt.date(japanTodayIso()));
  const [agencyId, setAgencyId] = useState<string | null>(me.agencies[0]?.id ?? null);
  const [route, setRoute] = useState<IntakeRoute>('visit');
  const [visitorKind, setVisitorKind] = useState<'self' | 'other'>('self');
  const [relationship, setRelationship] = useState('');
  const [visitorName, setVisitorName] = useState('');
  const [person, setPerson] = useState<PickedPerson | null>(initialPerson);
  const [anonymous, setAnonymous] = useState(false);
  const [categories, setCategories] = useState<string[]>([]);
  const [primary, setPrimary] = useState<string | null>(null);
  const [summary, setSummary] = useState('');
  const [details, setDetails] = useState('');
  const [consent, setConsent] = useState<IntakeConsent>('unknown');
  const [missingSummary, setMissingSummary] = useState(false);
  const serverError = errorLookup(error);
  const summaryError = missingSummary && summary.trim() === '' ? i.summaryRequired : serverError('summary');

  // After the server refuses a field, move focus to the first field marked invalid.
  useEffect(() => {
    if (error instanceof ApiError && error.details?.fields?.length) {
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
  }, [error]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing = summary.trim() === '';
    setMissingSummary(missing);
    if (missing) {
      document.getElementById(summaryId)?.focus();
      return;
    }
    const other = visitorKind === 'other';
    onSubmit({
      receivedOn: blankToUndefined(receivedOn),
      agencyId: agencyId ?? undefined,
      route,
      visitor: {
        kind: visitorKind,
        relationship: other ? blankToUndefined(relationship) : undefined,
        name: other ? blankToUndefined(visitorName) : undefined,
      },
      personId: person?.id ?? null,
      anonymous: !person && anonymous,
      categories,
      primaryCategory: primary,
      summary,
      details: blankToUndefined(details) === undefined ? undefined : details,
      consentStatus: consent,
    });
  }

  return (
    <form ref={formRef} onSubmit={submit} onKeyDown={preventEnterWhileComposing} noValidate>
      <Stack gap="md" maw={880}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
          <TextInput
            label={i.receivedOn}
            description={i.dateHint}
            value={receivedOn}
            onChange={(e) => setReceivedOn(e.currentTarget.value)}
            error={serverError('receivedOn')}
            autoComplete="off"
            maxLength={40}
          />
          <Select
            label={i.agency}
            data={me.agencies.map((a) => ({ value: a.id, label: a.name }))}
            value={agencyId}
            onChange={setAgencyId}
            allowDeselect={false}
            error={serverError('agencyId')}
          />
        </SimpleGrid>
        <Radio.Group label={i.route} value={route} onChange={(v) => setRoute(v as IntakeRoute)} error={serverError('route')}>
          <Group gap="md" mt="xs">
            {ROUTES.map((r) => (
              <Radio key={r} value={r} label={routeLabel(r)} />
            ))}
          </Group>
        </Radio.Group>
        <Radio.Group
          label={i.visitor}
          value={visitorKind}
          onChange={(v) => setVisitorKind(v === 'other' ? 'other' : 'self')}
          error={serverError('visitor.kind')}
        >
          <Group gap="md" mt="xs">
            <Radio value="self" label={i.visitorSelf} />
            <Radio value="other" label={i.visitorOther} />
          </Group>
        </Radio.Group>
        {visitorKind === 'other' && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={i.relationship}
              placeholder={i.relationshipPlaceholder}
              value={relationship}
              onChange={(e) => setRelationship(e.currentTarget.value)}
              error={serverError('visitor.relationship')}
              autoComplete="off"
              maxLength={100}
            />
            <TextInput
              label={i.visitorName}
              value={visitorName}
              onChange={(e) => setVisitorName(e.currentTarget.value)}
              error={serverError('visitor.name')}
              autoComplete="off"
              maxLength={100}
            />
          </SimpleGrid>
        )}
        <PersonField
          anonymous={anonymous}
          person={person}
          error={serverError('personId') ?? serverError('anonymous')}
          onAnonymous={setAnonymous}
          onPerson={setPerson}
        />
        <ConcernChecklist
          categories={categories}
          primary={primary}
          error={serverError('primaryCategory') ?? serverError('categories')}
          onChange={(next, nextPrimary) => {
            setCategories(next);
            setPrimary(nextPrimary);
          }}
        />
        <Textarea
          id={summaryId}
          label={i.summary}
          required
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
          error={summaryError}
          autosize
          minRows={3}
          maxLength={4000}
        />
        <Textarea
          label={i.details}
          value={details}
          onChange={(e) => setDetails(e.currentTarget.value)}
          error={serverError('details')}
          autosize
          minRows={3}
          maxLength={20000}
        />
        <Radio.Group
          label={i.consent}
          value={consent}
          onChange={(v) => setConsent((INTAKE_CONSENTS as readonly string[]).includes(v) ? (v as IntakeConsent) : 'unknown')}
          error={serverError('consentStatus')}
        >
          <Group gap="md" mt="xs">
            {INTAKE_CONSENTS.map((s) => (
              <Radio key={s} value={s} label={consentLabel(s)} />
            ))}
          </Group>
        </Radio.Group>
        <ErrorAlert error={error} />
        <Group>
          <Button type="submit" loading={pending}>
            {i.submit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
