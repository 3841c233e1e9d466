import { Badge, Button, Checkbox, Group, NumberInput, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type KeyboardEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { ja } from '../../i18n/ja';
import { useFormatDate } from '../../lib/dates';
import { type Activity, type AgeBand, ageBandsQueryOptions, type BandCounts, communityChanged, partnersQueryOptions, recordSession, type SessionSlot, sessionsQueryOptions } from './api';
import { PartnerPicker } from './PartnerPicker';

const t = ja.community;
const WINDOW_DAYS = 56;

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * 参加者数の入力: one row per session up to today (newest first), one number input per age band.
 * Tab moves across a row; Enter in any cell saves that row with the version it was read at.
 */
export function AttendanceTable({ activity, canEdit }: { activity: Activity; canEdit: boolean }) {
  const [from, setFrom] = useState<string | undefined>(undefined);
  const sessions = useQuery(sessionsQueryOptions(activity.id, from));
  const bands = useQuery(ageBandsQueryOptions);
  const partners = useQuery(partnersQueryOptions);
  const [notice, setNotice] = useState<string | null>(null);
  if (sessions.error || bands.error) return <ErrorAlert error={sessions.error ?? bands.error} />;
  if (!sessions.data || !bands.data) return <Loading />;
  const rows = sessions.data.items.filter((s) => !s.future).reverse();
  const partnerOptions = (partners.data ?? []).map((p) => ({ value: p.id, label: p.name }));
  const earliest = sessions.data.from;
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        {t.attendanceHeading(activity.name)}
      </Text>
      {canEdit && (
        <Text size="xs" c="dimmed">
          {t.attendanceIntro}
        </Text>
      )}
      <Notice>{notice}</Notice>
      <Table.ScrollContainer minWidth={900}>
        <Table aria-label={t.attendanceTable(activity.name)} withTableBorder withColumnBorders verticalSpacing={2} horizontalSpacing={6} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t.colDate}</Table.Th>
              {bands.data.map((b) => (
                <Table.Th key={b.code} scope="col" title={b.range}>
                  {b.label}
                </Table.Th>
              ))}
              <Table.Th scope="col">{t.colVolunteers}</Table.Th>
              <Table.Th scope="col" ta="right" style={{ whiteSpace: 'nowrap' }}>
                {t.colTotal}
              </Table.Th>
              <Table.Th scope="col" style={{ whiteSpace: 'nowrap' }}>
                {t.colHeld}
              </Table.Th>
              <Table.Th scope="col">{t.colPartners}</Table.Th>
              {canEdit && (
                <Table.Th scope="col" style={{ whiteSpace: 'nowrap' }}>
                  {t.colSave}
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((slot) => (
              <AttendanceRow
                key={`${slot.heldOn}:${slot.session?.version ?? 0}`}
                activity={activity}
                slot={slot}
                bands={bands.data}
                partnerOptions={partnerOptions}
                canEdit={canEdit}
                onSaved={setNotice}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group>
        <Button size="xs" variant="subtle" onClick={() => setFrom(addDays(earliest, -WINDOW_DAYS))}>
          {t.earlier}
        </Button>
      </Group>
    </Stack>
  );
}

type Draft = Record<AgeBand['code'] | 'volunteers', number | string>;

function AttendanceRow({
  activity,
  slot,
  bands,
  partnerOptions,
  canEdit,
  onSaved,
}: {
  activity: Activity;
  slot: SessionSlot;
  bands: AgeBand[];
  partnerOptions: Array<{ value: string; label: string }>;
  canEdit: boolean;
  onSaved: (message: string) => void;
}) {
  const fmt = useFormatDate();
  const queryClient = useQueryClient();
  const s = slot.session;
  const [draft, setDraft] = useState<Draft>({
    child: s?.counts.child ?? '',
    adult: s?.counts.adult ?? '',
    elderly: s?.counts.elderly ?? '',
    unknown: s?.counts.unknown ?? '',
    volunteers: s?.volunteers ?? '',
  });
  const [cancelled, setCancelled] = useState(s?.status === 'cancelled');
  const [partnerIds, setPartnerIds] = useState<string[]>(s ? s.partnerIds : activity.partners.map((p) => p.id));
  const date = fmt.date(slot.heldOn);
  const counts: BandCounts = { child: Number(draft.child) || 0, adult: Number(draft.adult) || 0, elderly: Number(draft.elderly) || 0, unknown: Number(draft.unknown) || 0 };
  const total = counts.child + counts.adult + counts.elderly + counts.unknown;
  const save = useMutation({
    mutationFn: () =>
      recordSession(activity.id, slot.heldOn, {
        version: s?.version ?? null,
        status: cancelled ? 'cancelled' : 'held',
        counts,
        volunteers: draft.volunteers === '' ? null : Number(draft.volunteers),
        partnerIds: cancelled ? [] : partnerIds,
      }),
    onSuccess: () => {
      onSaved(t.sessionSaved(date));
      communityChanged(queryClient);
    },
  });
  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    if (canEdit && !save.isPending) save.mutate();
  }
  const cell = (key: keyof Draft, label: string) => (
    <Table.Td key={key} w={76}>
      <NumberInput
        aria-label={t.cellLabel(date, label)}
        value={draft[key]}
        onChange={(v) => setDraft((d) => ({ ...d, [key]: v }))}
        onKeyDown={onKeyDown}
        min={0}
        max={100_000}
        allowDecimal={false}
        allowNegative={false}
        hideControls
        placeholder="0"
        size="xs"
        disabled={!canEdit || cancelled}
      />
    </Table.Td>
  );
  return (
    <>
      <Table.Tr>
        <Table.Th scope="row" fw={400} miw={130}>
          <Stack gap={2}>
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {date}
            </Text>
            <Group gap={4}>
              {!slot.scheduled && (
                <Badge size="xs" variant="outline">
                  {t.extraSession}
                </Badge>
              )}
              {!s && (
                <Badge size="xs" color="gray" variant="light">
                  {t.unsaved}
                </Badge>
              )}
              {s?.multiGenerational && (
                <Badge size="xs" color="grape" variant="light">
                  {t.multiGenerational}
                </Badge>
              )}
            </Group>
          </Stack>
        </Table.Th>
        {bands.map((b) => cell(b.code, b.label))}
        {cell('volunteers', t.colVolunteers)}
        <Table.Td ta="right" fw={600}>
          {cancelled ? ja.app.none : total}
        </Table.Td>
        <Table.Td>
          <Checkbox aria-label={t.cancelledLabel(date)} checked={cancelled} onChange={(e) => setCancelled(e.currentTarget.checked)} onKeyDown={onKeyDown} disabled={!canEdit} />
        </Table.Td>
        <Table.Td>
          <PartnerPicker label={t.cellLabel(date, t.colPartners)} options={partnerOptions} value={partnerIds} onChange={setPartnerIds} disabled={!canEdit || cancelled} />
        </Table.Td>
        {canEdit && (
          <Table.Td>
            <Button size="compact-xs" onClick={() => save.mutate()} loading={save.isPending} aria-label={t.saveLabel(date)}>
              {t.save}
            </Button>
          </Table.Td>
        )}
      </Table.Tr>
      {save.error && (
        <Table.Tr>
          <Table.Td colSpan={bands.length + 6}>
            <ErrorAlert error={save.error} />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
