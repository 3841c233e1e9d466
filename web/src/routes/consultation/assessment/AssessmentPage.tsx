import { Alert, Button, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type FormEvent, type KeyboardEvent, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Notice } from '../../../components/Notice';
import { PageHeader } from '../../../components/PageHeader';
import { RequireRole } from '../../../components/RequireRole';
import { ja } from '../../../i18n/ja';
import { isApiError } from '../../../lib/api';
import { useFormatDate } from '../../../lib/dates';
import { AnchorLink } from '../AnchorLink';
import { CONSULTATION_ROLES } from '../api';
import { type AnswerValue, type Answers, type AssessmentPayload, assessmentQueryKey, assessmentQueryOptions, carryOver, saveAssessment } from './api';
import { japanTodayIso } from '../intake/format';
import { QuestionField } from './QuestionField';

const a = ja.assessment;
const route = getRouteApi('/app/consultations/$consultationId/assessment');

/** インテーク・アセスメント of one consultation, rendered with the question set version it was answered against. */
export function AssessmentPage() {
  return (
    <RequireRole roles={CONSULTATION_ROLES}>
      <AssessmentScreen />
    </RequireRole>
  );
}

function AssessmentScreen() {
  const { consultationId } = route.useParams();
  const query = useQuery(assessmentQueryOptions(consultationId));
  const [notice, setNotice] = useState<string | null>(null);
  const stored = query.data?.assessment;
  return (
    <Stack>
      <AnchorLink to="/consultation/intake/$id" params={{ id: consultationId }} size="sm">
        {a.backToIntake}
      </AnchorLink>
      <PageHeader title={a.heading} />
      <Text size="xs" c="dimmed">
        {a.readsAudited}
      </Text>
      <Notice>{notice}</Notice>
      <ErrorAlert error={query.error} />
      {query.isPending && <Loading />}
      {query.data && (
        // A newly stored version (saved here or reloaded after a conflict) starts the form afresh.
        <AssessmentEditor key={`${stored?.id ?? 'new'}:${stored?.version ?? 0}`} consultationId={consultationId} payload={query.data} onSaved={setNotice} />
      )}
    </Stack>
  );
}

function AssessmentEditor({ consultationId, payload, onSaved }: { consultationId: string; payload: AssessmentPayload; onSaved: (message: string | null) => void }) {
  const queryClient = useQueryClient();
  const fmt = useFormatDate();
  const stored = payload.assessment;
  const latest = payload.latestQuestionSet;
  const [upgrading, setUpgrading] = useState(false);
  const [answers, setAnswers] = useState<Answers>(stored?.answers ?? {});
  const [assessedOn, setAssessedOn] = useState(() => fmt.date(stored?.assessedOn ?? japanTodayIso()));
  const save = useMutation({
    mutationFn: () => saveAssessment(consultationId, { assessedOn, answers, version: stored?.version ?? null, ...(upgrading ? { upgradeToLatest: true } : {}) }),
    onSuccess: (saved) => {
      onSaved(a.saved);
      queryClient.setQueryData(assessmentQueryKey(consultationId), saved);
    },
  });
  const shown = !stored || upgrading ? latest : stored.questionSet;
  if (!shown) return <Alert color="yellow">{a.noQuestionSet}</Alert>;

  const setAnswer = (code: string, value: AnswerValue | undefined) =>
    setAnswers((prev) => {
      const next = { ...prev };
      if (value === undefined) delete next[code];
      else next[code] = value;
      return next;
    });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSaved(null);
    save.mutate();
  }

  // Enter confirms an IME conversion; it must not also submit the form.
  function guardIme(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter' && event.nativeEvent.isComposing) event.preventDefault();
  }

  const conflict = isApiError(save.error, 'conflict');
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text fw={600}>{a.questionSet(shown.title, shown.version)}</Text>
        {stored ? (
          <Text size="sm" c="dimmed">
            {a.lastSaved(stored.authorAgencyName, stored.authorName, fmt.dateTime(stored.updatedAt))}
          </Text>
        ) : (
          <Text size="sm">{a.notAssessed}</Text>
        )}
        {stored && latest && !upgrading && stored.latestVersion > stored.questionSet.version && (
          <Alert color="yellow" title={a.newerVersionTitle}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{a.newerVersion(stored.questionSet.version, stored.latestVersion)}</Text>
              <Button
                variant="light"
                onClick={() => {
                  setAnswers(carryOver(latest.definition, answers));
                  setUpgrading(true);
                }}
              >
                {a.upgrade}
              </Button>
            </Stack>
          </Alert>
        )}
        {stored && upgrading && latest && (
          <Alert color="blue">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{a.upgrading(latest.version)}</Text>
              <Button
                variant="subtle"
                onClick={() => {
                  setAnswers(carryOver(stored.questionSet.definition, stored.answers));
                  setUpgrading(false);
                }}
              >
                {a.cancelUpgrade}
              </Button>
            </Stack>
          </Alert>
        )}
        <TextInput
          label={a.assessedOn}
          description={a.assessedOnHint}
          value={assessedOn}
          onChange={(e) => setAssessedOn(e.currentTarget.value)}
          onKeyDown={guardIme}
          error={isApiError(save.error) ? save.error.fieldErrors().assessedOn : undefined}
          maxLength={40}
          maw={320}
          required
        />
        {shown.definition.sections.map((section) => (
          <Fieldset key={section.code} legend={section.title}>
            <Stack gap="md">
              {section.questions.map((q) => (
                <QuestionField key={q.code} question={q} value={answers[q.code]} onChange={(v) => setAnswer(q.code, v)} />
              ))}
            </Stack>
          </Fieldset>
        ))}
        <ErrorAlert error={save.error} title={conflict ? a.conflict : undefined} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {a.save}
          </Button>
          {conflict && (
            <Button variant="default" onClick={() => void queryClient.invalidateQueries({ queryKey: assessmentQueryKey(consultationId) })}>
              {a.reloadLatest}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
