import { Button, Group, Radio, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { RequireRole } from '../../components/RequireRole';
import { ja } from '../../i18n/ja';
import { ApiError } from '../../lib/api';
import { preventEnterWhileComposing } from '../../lib/ime';
import { useMe } from '../../lib/me';
import { meetingListQueryOptions } from '../collaboration/meetings/api';
import { AnchorLink } from '../consultation/AnchorLink';
import { createLead, LEAD_SOURCES, OUTREACH_ROLES, optionsQueryOptions, URGENCIES, type Urgency } from './api';

const o = ja.outreach;

/** アウトリーチ対象の登録 (from a meeting, a neighbour, another agency…); 気づきの連絡 arrive by themselves. */
export function LeadNewPage() {
  return (
    <RequireRole roles={OUTREACH_ROLES}>
      <LeadNewForm />
    </RequireRole>
  );
}

function LeadNewForm() {
  const me = useMe();
  const navigate = useNavigate();
  const options = useQuery(optionsQueryOptions);
  const [who, setWho] = useState('');
  const [where, setWhere] = useState('');
  const [areaId, setAreaId] = useState<string | null>(null);
  const [source, setSource] = useState<string>('meeting');
  const [sourceDetail, setSourceDetail] = useState('');
  const [meetingId, setMeetingId] = useState<string | null>(null);
  const [concern, setConcern] = useState('');
  const [urgency, setUrgency] = useState<Urgency>('normal');
  const [worker, setWorker] = useState<string | null>(me.user.id);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const meetings = useQuery({ ...meetingListQueryOptions('all'), enabled: source === 'meeting' });
  const save = useMutation({
    mutationFn: () =>
      createLead({
        personDescription: who.trim(),
        location: where.trim() || null,
        areaId,
        source,
        sourceDetail: sourceDetail.trim() || null,
        meetingId: source === 'meeting' ? meetingId : null,
        concern: concern.trim(),
        urgency,
        assignedUserId: worker,
      }),
    onSuccess: (lead) => navigate({ to: '/outreach/leads/$id', params: { id: lead.id } }),
  });
  const serverErrors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const m: Record<string, string> = {};
    if (!who.trim()) m.who = o.required;
    if (!concern.trim()) m.concern = o.required;
    setMissing(m);
    if (Object.keys(m).length === 0) save.mutate();
  };
  return (
    <Stack maw={720}>
      <AnchorLink to="/outreach" size="sm">
        {o.back}
      </AnchorLink>
      <PageHeader title={o.newHeading} />
      <ErrorAlert error={options.error} />
      <form onSubmit={submit} onKeyDown={preventEnterWhileComposing} noValidate aria-label={o.newHeading}>
        <Stack gap="sm">
          <TextInput label={o.who} description={o.whoHint} value={who} onChange={(e) => setWho(e.currentTarget.value)} error={missing.who ?? serverErrors.personDescription} maxLength={200} required />
          <TextInput label={o.where} value={where} onChange={(e) => setWhere(e.currentTarget.value)} maxLength={200} />
          <Select label={o.area} data={(options.data?.areas ?? []).map((a) => ({ value: a.id, label: a.name }))} value={areaId} onChange={setAreaId} clearable placeholder={o.areaNone} />
          <Select label={o.sourceLabel} data={LEAD_SOURCES.map((s) => ({ value: s, label: o.source[s] ?? s }))} value={source} onChange={(v) => setSource(v ?? 'other')} allowDeselect={false} />
          {source === 'meeting' && (
            <Select
              label={o.meeting}
              data={(meetings.data ?? []).map((m) => ({ value: m.id, label: `${m.title}（${m.typeName}）` }))}
              value={meetingId}
              onChange={setMeetingId}
              clearable
              searchable
            />
          )}
          <TextInput label={o.sourceDetail} value={sourceDetail} onChange={(e) => setSourceDetail(e.currentTarget.value)} maxLength={200} />
          <Textarea label={o.concern} value={concern} onChange={(e) => setConcern(e.currentTarget.value)} error={missing.concern ?? serverErrors.concern} autosize minRows={3} maxLength={4000} required />
          <Radio.Group label={o.urgencyLabel} value={urgency} onChange={(v) => setUrgency(v as Urgency)}>
            <Group mt={4}>
              {URGENCIES.map((u) => (
                <Radio key={u} value={u} label={o.urgency[u]} />
              ))}
            </Group>
          </Radio.Group>
          <Select label={o.worker} data={[...new Map((options.data?.workers ?? []).map((w) => [w.id, { value: w.id, label: w.name }])).values()]} value={worker} onChange={setWorker} error={serverErrors.assignedUserId} />
          <ErrorAlert error={save.error} />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {o.create}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
