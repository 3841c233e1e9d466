import { ActionIcon, Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ja } from '../../../i18n/ja';
import { ApiError, isApiError } from '../../../lib/api';
import { preventEnterWhileComposing } from '../../../lib/ime';
import { todayInJapan } from '../../consultation/progress/ProgressNoteForm';
import { type AgreementHow, caseTeamQueryOptions, createPlan, type PlanContent, type PlanContentInput, type PlanView, planQueryKey, revisePlan } from './api';

const t = ja.plans;

type GoalRow = { key: string; id?: string; text: string };
type ActionRow = { key: string; id?: string; agencyId: string; ownerName: string; description: string; dueOn: string; doneOn: string | null };
type Values = Omit<PlanContent, 'shortGoals' | 'actions' | 'agreement'> & {
  shortGoals: GoalRow[];
  actions: ActionRow[];
  agreed: boolean;
  agreedOn: string;
  how: AgreementHow;
  agreementNote: string;
  changeNote: string;
};

let seq = 0;
const key = () => `row-${++seq}`;

function initialValues(from: PlanContent | undefined, leadAgencyId: string): Values {
  const today = todayInJapan();
  return {
    personWords: from?.personWords ?? '',
    wishes: from?.wishes ?? '',
    longGoal: from?.longGoal ?? '',
    needs: from?.needs ?? '',
    usesParticipation: from?.usesParticipation ?? false,
    usesOutreach: from?.usesOutreach ?? false,
    periodFrom: from?.periodFrom ?? today,
    periodTo: from?.periodTo ?? '',
    nextReviewOn: from?.nextReviewOn ?? '',
    shortGoals: from?.shortGoals.map((g) => ({ key: key(), id: g.id, text: g.text })) ?? [{ key: key(), text: '' }],
    actions:
      from?.actions.map((a) => ({ key: key(), id: a.id, agencyId: a.agencyId, ownerName: a.ownerName ?? '', description: a.description, dueOn: a.dueOn ?? '', doneOn: a.doneOn })) ??
      [{ key: key(), agencyId: leadAgencyId, ownerName: '', description: '', dueOn: '', doneOn: null }],
    agreed: from ? from.agreement !== null : true,
    agreedOn: from?.agreement?.agreedOn ?? today,
    how: from?.agreement?.how ?? 'signature',
    agreementNote: from?.agreement?.note ?? '',
    changeNote: '',
  };
}

function toContent(v: Values, keepIds: boolean): PlanContentInput {
  const orNull = (s: string) => (s.trim() ? s.trim() : null);
  return {
    personWords: v.personWords.trim(),
    wishes: v.wishes.trim(),
    longGoal: v.longGoal.trim(),
    needs: v.needs.trim(),
    usesParticipation: v.usesParticipation,
    usesOutreach: v.usesOutreach,
    periodFrom: v.periodFrom,
    periodTo: v.periodTo,
    nextReviewOn: v.nextReviewOn,
    shortGoals: v.shortGoals.map((g) => ({ ...(keepIds && g.id ? { id: g.id } : {}), text: g.text.trim() })),
    actions: v.actions.map((a) => ({
      ...(keepIds && a.id ? { id: a.id } : {}),
      agencyId: a.agencyId,
      ownerName: orNull(a.ownerName),
      description: a.description.trim(),
      dueOn: orNull(a.dueOn),
      doneOn: keepIds ? a.doneOn : null,
    })),
    agreement: v.agreed ? { agreedOn: v.agreedOn, how: v.how, note: orNull(v.agreementNote) } : null,
  };
}

export interface PlanFormProps {
  caseId: string;
  leadAgencyId: string;
  leadAgencyName: string;
  /** revise: new version of this plan; replan: new plan following this ended one. */
  mode: 'create' | 'revise' | 'replan';
  plan?: PlanView | undefined;
  onSaved: (plan: PlanView) => void;
  onCancel?: (() => void) | undefined;
}

/** 支援プランの入力（作成・新しい版・再プラン）: short goals and actions are lists that grow and shrink. */
export function PlanForm({ caseId, leadAgencyId, leadAgencyName, mode, plan, onSaved, onCancel }: PlanFormProps) {
  const [values, setValues] = useState<Values>(() => initialValues(plan?.current.content, leadAgencyId));
  const [missing, setMissing] = useState<Record<string, string>>({});
  const queryClient = useQueryClient();
  const team = useQuery(caseTeamQueryOptions(caseId));
  const agencies = [
    { value: leadAgencyId, label: leadAgencyName },
    ...(team.data?.members ?? []).flatMap((m) => (m.kind === 'agency' && m.agencyId && m.agencyId !== leadAgencyId ? [{ value: m.agencyId, label: m.name }] : [])),
  ];
  const save = useMutation({
    mutationFn: () => {
      if (mode === 'revise' && plan) return revisePlan(plan.id, { version: plan.version, content: toContent(values, true), changeNote: values.changeNote.trim() });
      const changeNote = values.changeNote.trim() || null;
      return createPlan(caseId, { content: toContent(values, false), replacesPlanId: mode === 'replan' ? (plan?.id ?? null) : null, changeNote });
    },
    onSuccess: onSaved,
    onError: async (error) => {
      if (plan && isApiError(error, 'conflict')) await queryClient.invalidateQueries({ queryKey: planQueryKey(plan.id) });
    },
  });
  const fields = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const err = (path: string) => missing[path] ?? fields[path];
  const set = <K extends keyof Values>(k: K, value: Values[K]) => setValues((v) => ({ ...v, [k]: value }));
  const text = (k: 'personWords' | 'wishes' | 'longGoal' | 'needs' | 'periodFrom' | 'periodTo' | 'nextReviewOn' | 'agreedOn' | 'agreementNote' | 'changeNote') => ({
    value: values[k],
    onChange: (e: { currentTarget: { value: string } }) => set(k, e.currentTarget.value),
    error: err(k === 'agreedOn' ? 'agreement.agreedOn' : k === 'agreementNote' ? 'agreement.note' : k),
  });
  const setGoal = (i: number, text: string) => set('shortGoals', values.shortGoals.map((g, j) => (j === i ? { ...g, text } : g)));
  const setAction = (i: number, patch: Partial<ActionRow>) => set('actions', values.actions.map((a, j) => (j === i ? { ...a, ...patch } : a)));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const need: Record<string, string> = {};
    for (const k of ['personWords', 'wishes', 'longGoal', 'needs', 'periodFrom', 'periodTo', 'nextReviewOn'] as const) if (!values[k].trim()) need[k] = t.required;
    values.shortGoals.forEach((g, i) => {
      if (!g.text.trim()) need[`shortGoals.${i}.text`] = t.required;
    });
    values.actions.forEach((a, i) => {
      if (!a.description.trim()) need[`actions.${i}.description`] = t.required;
    });
    if (mode === 'revise' && !values.changeNote.trim()) need.changeNote = t.required;
    setMissing(need);
    if (Object.keys(need).length === 0) save.mutate();
  }

  const title = mode === 'revise' ? t.editTitle : mode === 'replan' ? t.replanHeading : t.newHeading;
  return (
    <form onSubmit={submit} onKeyDown={preventEnterWhileComposing} noValidate aria-label={title}>
      <Stack gap="sm">
        <Textarea label={t.personWords} {...text('personWords')} autosize minRows={2} maxLength={4000} required />
        <Textarea label={t.wishes} {...text('wishes')} autosize minRows={2} maxLength={4000} required />
        <Textarea label={t.longGoal} {...text('longGoal')} autosize minRows={1} maxLength={2000} required />
        <Paper withBorder p="sm">
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t.shortGoals}
            </Title>
            {values.shortGoals.map((g, i) => (
              <Group key={g.key} align="flex-end" wrap="nowrap">
                <TextInput style={{ flex: 1 }} label={t.shortGoal(i + 1)} value={g.text} onChange={(e) => setGoal(i, e.currentTarget.value)} error={err(`shortGoals.${i}.text`)} maxLength={1000} required />
                <ActionIcon variant="subtle" color="red" size="lg" aria-label={t.removeGoal(i + 1)} disabled={values.shortGoals.length <= 1} onClick={() => set('shortGoals', values.shortGoals.filter((_, j) => j !== i))}>
                  ×
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button variant="light" size="xs" onClick={() => set('shortGoals', [...values.shortGoals, { key: key(), text: '' }])} disabled={values.shortGoals.length >= 20}>
                {t.addGoal}
              </Button>
            </Group>
          </Stack>
        </Paper>
        <Textarea label={t.needs} {...text('needs')} autosize minRows={2} maxLength={4000} required />
        <Paper withBorder p="sm">
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t.actions}
            </Title>
            {!team.isPending && team.data && !team.data.available && <ErrorAlert error={new ApiError(404, 'not_found', t.teamUnavailable, null)} />}
            <ErrorAlert error={team.error} />
            {values.actions.map((a, i) => (
              <SimpleGrid key={a.key} cols={{ base: 1, sm: 5 }} spacing="xs">
                <NativeSelect label={t.actionAgency(i + 1)} value={a.agencyId} onChange={(e) => setAction(i, { agencyId: e.currentTarget.value })} data={agencies} error={err(`actions.${i}.agencyId`)} />
                <TextInput label={t.actionOwner(i + 1)} value={a.ownerName} onChange={(e) => setAction(i, { ownerName: e.currentTarget.value })} maxLength={100} />
                <TextInput label={t.actionDescription(i + 1)} value={a.description} onChange={(e) => setAction(i, { description: e.currentTarget.value })} error={err(`actions.${i}.description`)} maxLength={2000} required />
                <TextInput type="date" label={t.actionDue(i + 1)} value={a.dueOn} onChange={(e) => setAction(i, { dueOn: e.currentTarget.value })} error={err(`actions.${i}.dueOn`)} />
                <Group align="flex-end">
                  <Button variant="subtle" color="red" size="xs" onClick={() => set('actions', values.actions.filter((_, j) => j !== i))}>
                    {t.removeAction(i + 1)}
                  </Button>
                </Group>
              </SimpleGrid>
            ))}
            <Group>
              <Button
                variant="light"
                size="xs"
                onClick={() => set('actions', [...values.actions, { key: key(), agencyId: leadAgencyId, ownerName: '', description: '', dueOn: '', doneOn: null }])}
                disabled={values.actions.length >= 50}
              >
                {t.addAction}
              </Button>
            </Group>
          </Stack>
        </Paper>
        <Group>
          <Checkbox label={t.usesParticipation} checked={values.usesParticipation} onChange={(e) => set('usesParticipation', e.currentTarget.checked)} />
          <Checkbox label={t.usesOutreach} checked={values.usesOutreach} onChange={(e) => set('usesOutreach', e.currentTarget.checked)} />
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput type="date" label={t.periodFrom} {...text('periodFrom')} required />
          <TextInput type="date" label={t.periodTo} {...text('periodTo')} required />
          <TextInput type="date" label={t.nextReviewOn} {...text('nextReviewOn')} required />
        </SimpleGrid>
        <Checkbox label={t.agreed} checked={values.agreed} onChange={(e) => set('agreed', e.currentTarget.checked)} />
        {values.agreed && (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput type="date" label={t.agreedOn} {...text('agreedOn')} required />
            <NativeSelect label={t.agreementHow} value={values.how} onChange={(e) => set('how', e.currentTarget.value as AgreementHow)} data={(['signature', 'verbal', 'other'] as const).map((h) => ({ value: h, label: t.how[h] ?? h }))} />
            <TextInput label={t.agreementNote} {...text('agreementNote')} maxLength={500} />
          </SimpleGrid>
        )}
        {mode !== 'create' && <Textarea label={t.changeNote} {...text('changeNote')} autosize minRows={1} maxLength={2000} required={mode === 'revise'} />}
        <ErrorAlert error={save.error} title={isApiError(save.error, 'conflict') ? t.conflictReloaded : undefined} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {mode === 'revise' ? t.save : t.create}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t.cancelEdit}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
