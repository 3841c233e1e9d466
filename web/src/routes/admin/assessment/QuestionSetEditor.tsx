import { Badge, Button, Checkbox, Fieldset, Group, Paper, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type KeyboardEvent, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ja } from '../../../i18n/ja';
import { isApiError } from '../../../lib/api';
import { type Definition, type Question, type QuestionSetView, publishQuestionSet, questionSetsQueryKey } from '../../consultation/assessment/api';

const t = ja.assessment.admin;

/** A code not used yet (question codes are unique across the set, option codes within a question). */
function freshCode(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  let n = 1;
  while (used.has(`${prefix}_${n}`)) n++;
  return `${prefix}_${n}`;
}

/**
 * A simple structured editor for a new version: rename sections, questions and options, toggle
 * 国への報告事項, add or remove check questions, add options. Codes of existing questions are kept,
 * so answers keep their meaning across versions. Publishing never happens on Enter.
 */
export function QuestionSetEditor({ source, basedOnVersion, onDone }: { source: QuestionSetView; basedOnVersion: number; onDone: (message: string | null) => void }) {
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(source.title);
  const [draft, setDraft] = useState<Definition>(() => structuredClone(source.definition));
  const publish = useMutation({
    mutationFn: () => publishQuestionSet(source.code, { title, definition: draft, basedOnVersion }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: questionSetsQueryKey });
      onDone(t.published(saved.version));
    },
  });

  const change = (fn: (d: Definition) => void) =>
    setDraft((prev) => {
      const next = structuredClone(prev);
      fn(next);
      return next;
    });
  const editQuestion = (s: number, q: number, fn: (question: Question) => void) => change((d) => fn(d.sections[s]!.questions[q]!));
  const allQuestionCodes = () => draft.sections.flatMap((s) => s.questions.map((q) => q.code));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    publish.mutate();
  }
  // Enter in a text box (also when confirming an IME conversion) must not publish a version.
  function noEnterSubmit(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement) event.preventDefault();
  }

  return (
    <form onSubmit={submit} onKeyDown={noEnterSubmit}>
      <Stack>
        <TextInput label={t.title} value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={200} required maw={560} />
        {draft.sections.map((section, s) => (
          <Fieldset key={section.code} legend={section.title}>
            <Stack gap="sm">
              <TextInput label={t.sectionTitle(s + 1)} value={section.title} onChange={(e) => { const v = e.currentTarget.value; change((d) => { d.sections[s]!.title = v; }); }} maxLength={200} maw={360} />
              {section.questions.map((q, i) => (
                <Paper key={q.code} withBorder p="xs">
                  <Stack gap={6}>
                    <Group align="flex-end" gap="sm">
                      <TextInput label={t.questionLabel(section.title, i + 1)} value={q.label} onChange={(e) => { const v = e.currentTarget.value; editQuestion(s, i, (x) => { x.label = v; }); }} maxLength={200} style={{ flex: 1 }} />
                      <Badge variant="outline" color="gray" mb={8}>
                        {t.questionType[q.type]}
                      </Badge>
                      <Checkbox
                        mb={8}
                        label={ja.assessment.nationalReport}
                        aria-label={t.nationalReportOf(q.label)}
                        checked={q.nationalReport}
                        onChange={(e) => { const v = e.currentTarget.checked; editQuestion(s, i, (x) => { x.nationalReport = v; }); }}
                      />
                      <Button variant="subtle" color="red" mb={2} aria-label={t.remove(q.label)} disabled={section.questions.length <= 1} onClick={() => change((d) => { d.sections[s]!.questions.splice(i, 1); })}>
                        ×
                      </Button>
                    </Group>
                    {(q.type === 'single' || q.type === 'multi') && (
                      <Group gap="xs" ml="md" align="flex-end">
                        {(q.options ?? []).map((o, k) => (
                          <TextInput key={o.code} size="xs" label={t.optionLabel(q.label, k + 1)} value={o.label} onChange={(e) => { const v = e.currentTarget.value; editQuestion(s, i, (x) => { x.options![k]!.label = v; }); }} maxLength={200} w={160} />
                        ))}
                        <Button size="xs" variant="light" onClick={() => editQuestion(s, i, (x) => { x.options = [...(x.options ?? []), { code: freshCode('option', (x.options ?? []).map((o) => o.code)), label: t.newOption }]; })}>
                          {t.addOption}
                        </Button>
                      </Group>
                    )}
                  </Stack>
                </Paper>
              ))}
              <Group>
                <Button size="xs" variant="default" onClick={() => change((d) => { d.sections[s]!.questions.push({ code: freshCode('custom', allQuestionCodes()), label: t.newQuestion, type: 'check', nationalReport: false }); })}>
                  {t.addCheck(section.title)}
                </Button>
              </Group>
            </Stack>
          </Fieldset>
        ))}
        <ErrorAlert error={publish.error} title={isApiError(publish.error, 'conflict') ? t.conflict : undefined} />
        <Group>
          <Button type="submit" loading={publish.isPending}>
            {t.publish}
          </Button>
          <Button variant="default" onClick={() => onDone(null)}>
            {t.cancel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
