import { Badge, Button, Group, List, Stack, Text } from '@mantine/core';
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
import { isApiError } from '../../lib/api';
import { useFormatDate } from '../../lib/dates';
import { AnchorLink } from '../consultation/AnchorLink';
import { type NeedFields, type NeedView, needQueryKey, needQueryOptions, optionsQueryOptions, PARTICIPATION_ROLES, updateNeed } from './api';
import { MatchesSection } from './MatchesSection';
import { NeedCloseSection } from './NeedCloseSection';
import { NeedForm } from './NeedForm';
import { PlacementCard } from './PlacementCard';

const t = ja.participation;
const route = getRouteApi('/app/participation/needs/$id');

/** 参加支援: the wishes and constraints, ranked 受け入れ先の候補 with reasons, 受け入れ and 定着支援. */
export function NeedPage() {
  return (
    <RequireRole roles={PARTICIPATION_ROLES}>
      <NeedScreen />
    </RequireRole>
  );
}

function NeedScreen() {
  const { id } = route.useParams();
  const need = useQuery(needQueryOptions(id));
  return (
    <Stack>
      <AnchorLink to="/participation" size="sm">
        {t.back}
      </AnchorLink>
      <ErrorAlert error={need.error} />
      {need.isPending && <Loading />}
      {need.data && <NeedBody key={need.data.id} need={need.data} />}
    </Stack>
  );
}

const fieldsOf = (n: NeedView): NeedFields => ({
  caseId: n.caseId,
  wishCodes: n.wishes.map((w) => w.code),
  personWords: n.personWords,
  preferredAreaIds: n.preferredAreas.map((a) => a.id),
  availableDays: n.availableDays,
  availableFrom: n.availableFrom,
  availableTo: n.availableTo,
  needCodes: n.needCodes,
  needsNote: n.needsNote,
  startWishOn: n.startWishOn,
  acceptsWaitlist: n.acceptsWaitlist,
});

function NeedSummary({ need }: { need: NeedView }) {
  const fmt = useFormatDate();
  const options = useQuery(optionsQueryOptions);
  const needLabel = (code: string) => options.data?.needs.find((n) => n.code === code)?.label ?? code;
  const none = t.none;
  const rows: Array<[string, string]> = [
    [t.wishes, need.wishes.map((w) => w.name).join(ja.text.listSeparator) || none],
    [t.personWords, need.personWords || none],
    [t.areas, need.preferredAreas.map((a) => a.name).join(ja.text.listSeparator) || t.anyDay],
    [t.days, need.availableDays.map((d) => t.weekdays[d] ?? d).join('・') || t.anyDay],
    [t.time, need.availableFrom || need.availableTo ? t.timeRange(need.availableFrom ?? '', need.availableTo ?? '') : t.anyDay],
    [t.needs, [...need.needCodes.map(needLabel), need.needsNote].filter(Boolean).join(ja.text.listSeparator) || none],
    [t.startWishOn, need.startWishOn ? fmt.date(need.startWishOn) : none],
    [t.acceptsWaitlist, need.acceptsWaitlist ? t.waitlistYes : t.waitlistNo],
  ];
  return (
    <List spacing={4} listStyleType="none">
      {rows.map(([label, value]) => (
        <List.Item key={label}>
          <Text span fw={500}>
            {label}
          </Text>
          <Text span>{`: ${value}`}</Text>
        </List.Item>
      ))}
    </List>
  );
}

function NeedBody({ need }: { need: NeedView }) {
  const fmt = useFormatDate();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = (next: NeedView, message: string) => {
    queryClient.setQueryData(needQueryKey(need.id), next);
    void queryClient.invalidateQueries({ queryKey: ['participation-needs'] });
    void queryClient.invalidateQueries({ queryKey: ['participation-hosts'] });
    setNotice(message);
  };
  const save = useMutation({
    mutationFn: (fields: NeedFields) => updateNeed(need.id, { ...fields, version: need.version }),
    onSuccess: (next) => {
      setEditing(false);
      refresh(next, t.saved);
    },
    onError: async (error) => {
      if (isApiError(error, 'conflict')) await queryClient.invalidateQueries({ queryKey: needQueryKey(need.id) });
    },
  });
  const active = need.status === 'active';
  return (
    <Stack>
      <Group gap="sm" align="center">
        <PageHeader title={t.needHeading(need.person.name)} />
        <Badge variant="light" color={active ? 'teal' : 'gray'} size="lg" radius="sm" tt="none">
          {t.needStatus[need.status]}
        </Badge>
      </Group>
      <Group gap="xl">
        <Text>{need.person.age === null ? t.ageUnknown : t.age(need.person.age)}</Text>
        <Text>{ja.text.labelValue(t.keptByLabel, t.keptBy(need.keepingAgencyName, need.workerName))}</Text>
        <Text>{ja.text.labelValue(t.openedOn, fmt.date(need.openedOn))}</Text>
        {need.caseId && (
          <AnchorLink to="/consultation/cases/$id" params={{ id: need.caseId }}>
            {need.householdLabel ? `${t.caseLink}（${need.householdLabel}）` : t.caseLink}
          </AnchorLink>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {t.readsAudited}
      </Text>
      <Notice>{notice}</Notice>
      {!active && need.closedOn && <Text c="dimmed">{t.closedLine(fmt.date(need.closedOn), need.closeReason ?? '')}</Text>}
      <Section title={t.formLabel}>
        {editing ? (
          <NeedForm personId={need.person.id} initial={fieldsOf(need)} submitLabel={t.saveEdit} pending={save.isPending} error={save.error} onSubmit={(f) => save.mutate(f)} onCancel={() => setEditing(false)} />
        ) : (
          <>
            <NeedSummary need={need} />
            {active && (
              <Group>
                <Button variant="light" onClick={() => setEditing(true)}>
                  {t.edit}
                </Button>
              </Group>
            )}
          </>
        )}
      </Section>
      {active && <MatchesSection need={need} onPlaced={(next) => refresh(next, t.placed)} />}
      <Section title={t.placementsSection}>
        {need.placements.length === 0 && <Text c="dimmed">{t.noPlacements}</Text>}
        {need.placements.map((p) => (
          <PlacementCard key={p.id} placement={p} editable={active} onSaved={refresh} />
        ))}
      </Section>
      {active && <NeedCloseSection need={need} onSaved={(next) => refresh(next, t.closed)} />}
    </Stack>
  );
}
