import { Button, Group, MultiSelect, NativeSelect, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Section';
import { ja } from '../../i18n/ja';
import { ApiError } from '../../lib/api';
import { useFormatDate } from '../../lib/dates';
import { preventEnterWhileComposing } from '../../lib/ime';
import { type Area, communityChanged, createLogEntry, LOG_KINDS, logQueryOptions, type PlaceSummary, partnersQueryOptions } from './api';

const t = ja.community;
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/** 活動記録: the coordinators' dated entries (訪問・会議・調整・立ち上げ支援・研修), newest first. */
export function LogSection({ areaId, areas, places, canKeep }: { areaId: string | null; areas: Area[]; places: PlaceSummary[]; canKeep: boolean }) {
  const fmt = useFormatDate();
  const log = useQuery(logQueryOptions(areaId));
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <Section title={t.logHeading}>
      <Text size="sm" c="dimmed">
        {t.logIntro}
      </Text>
      <Notice>{notice}</Notice>
      {canKeep && <LogForm areas={areas} places={places} defaultAreaId={areaId} onDone={() => setNotice(t.logCreated)} />}
      <ErrorAlert error={log.error} />
      {log.isPending && <Loading />}
      {log.data && (
        <Table.ScrollContainer minWidth={760}>
          <Table aria-label={t.logTable} striped verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t.logDate}</Table.Th>
                <Table.Th scope="col">{t.logKind}</Table.Th>
                <Table.Th scope="col">{t.logPlace}</Table.Th>
                <Table.Th scope="col">{t.logPartners}</Table.Th>
                <Table.Th scope="col">{t.logNote}</Table.Th>
                <Table.Th scope="col">{t.logBy}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {log.data.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Text c="dimmed" size="sm">
                      {t.logEmpty}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {log.data.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.date(e.entryOn)}</Table.Td>
                  <Table.Td>{t.logKinds[e.kind] ?? e.kind}</Table.Td>
                  <Table.Td>{e.placeName ?? e.areaName ?? ja.app.none}</Table.Td>
                  <Table.Td>{e.partners.map((p) => p.name).join(ja.text.listSeparator) || ja.app.none}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{e.note}</Table.Td>
                  <Table.Td>{t.byWho(e.userName, e.agencyName)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}

function LogForm({ areas, places, defaultAreaId, onDone }: { areas: Area[]; places: PlaceSummary[]; defaultAreaId: string | null; onDone: () => void }) {
  const queryClient = useQueryClient();
  const partners = useQuery(partnersQueryOptions);
  const [entryOn, setEntryOn] = useState(today());
  const [kind, setKind] = useState<string>('visit');
  const [placeId, setPlaceId] = useState('');
  const [areaId, setAreaId] = useState(defaultAreaId ?? '');
  const [partnerIds, setPartnerIds] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const save = useMutation({
    mutationFn: () => createLogEntry({ entryOn, kind, placeId: placeId || null, areaId: areaId || null, partnerIds, note: note.trim() }),
    onSuccess: () => {
      communityChanged(queryClient);
      setNote('');
      setPartnerIds([]);
      onDone();
    },
  });
  const fields = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const none = { value: '', label: t.none };
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate();
  }
  return (
    <form onSubmit={submit} onKeyDown={preventEnterWhileComposing} noValidate aria-label={t.addLog}>
      <Stack gap="xs">
        <ErrorAlert error={save.error} />
        <Group grow align="flex-start">
          <TextInput label={t.logDate} type="date" value={entryOn} onChange={(e) => setEntryOn(e.currentTarget.value)} error={fields.entryOn} required />
          <NativeSelect label={t.logKind} value={kind} onChange={(e) => setKind(e.currentTarget.value)} data={LOG_KINDS.map((k) => ({ value: k, label: t.logKinds[k] ?? k }))} error={fields.kind} />
          <NativeSelect label={t.logPlace} value={placeId} onChange={(e) => setPlaceId(e.currentTarget.value)} data={[none, ...places.map((p) => ({ value: p.id, label: p.name }))]} error={fields.placeId} />
          <NativeSelect label={t.logArea} value={areaId} onChange={(e) => setAreaId(e.currentTarget.value)} data={[none, ...areas.map((a) => ({ value: a.id, label: a.name }))]} error={fields.areaId} />
        </Group>
        <MultiSelect
          label={t.logPartners}
          data={(partners.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={partnerIds}
          onChange={setPartnerIds}
          searchable
          clearable
          error={fields.partnerIds}
        />
        <Textarea label={t.logNote} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={fields.note} autosize minRows={2} required />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t.logSave}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
