import { Button, Group, Radio, Select, Stack, Table, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Section } from '../../components/Section';
import { ja } from '../../i18n/ja';
import { ApiError } from '../../lib/api';
import { useFormatDate } from '../../lib/dates';
import { preventEnterWhileComposing } from '../../lib/ime';
import { AnchorLink } from '../consultation/AnchorLink';
import { type LeadView, optionsQueryOptions, updateLead, URGENCIES, type Urgency } from './api';
import { useLeadAction } from './useLeadAction';

const o = ja.outreach;

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" w={200}>
        {label}
      </Table.Th>
      <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{children}</Table.Td>
    </Table.Tr>
  );
}

/** 対象の情報, and (for the holding agency while the lead is worked) 編集. */
export function LeadDetails({ lead, editable, onSaved }: { lead: LeadView; editable: boolean; onSaved: (msg: string) => void }) {
  const fmt = useFormatDate();
  const [editing, setEditing] = useState(false);
  const none = ja.app.none;
  return (
    <Section title={o.details}>
      {editing ? (
        <EditForm
          lead={lead}
          onDone={(saved) => {
            setEditing(false);
            if (saved) onSaved(o.saved);
          }}
        />
      ) : (
        <>
          <Table variant="vertical" layout="fixed" withTableBorder>
            <Table.Tbody>
              <Row label={o.who}>{lead.personDescription}</Row>
              <Row label={o.person}>
                {lead.personId && lead.personName ? (
                  <AnchorLink to="/consultation/persons/$id" params={{ id: lead.personId }}>
                    {lead.personName}
                  </AnchorLink>
                ) : (
                  o.personNotYet
                )}
              </Row>
              {lead.householdId && (
                <Row label={o.household}>
                  <AnchorLink to="/consultation/households/$id" params={{ id: lead.householdId }}>
                    {lead.householdLabel}
                  </AnchorLink>
                </Row>
              )}
              <Row label={o.where}>{lead.location ?? none}</Row>
              <Row label={o.area}>{lead.areaName ?? none}</Row>
              <Row label={o.concern}>{lead.concern}</Row>
              <Row label={o.sourceLabel}>
                {o.source[lead.source] ?? lead.source}
                {lead.sourceDetail ? ja.text.paren(lead.sourceDetail) : ''}
                {lead.meetingTitle ? ja.text.paren(lead.meetingTitle) : ''}
              </Row>
              <Row label={o.agency}>{lead.agencyName}</Row>
              <Row label={o.worker}>{lead.assignedName ?? o.unassigned}</Row>
              <Row label={o.openedOn}>{fmt.date(lead.openedOn)}</Row>
            </Table.Tbody>
          </Table>
          {editable && (
            <Group>
              <Button variant="light" onClick={() => setEditing(true)}>
                {o.edit}
              </Button>
            </Group>
          )}
        </>
      )}
    </Section>
  );
}

function EditForm({ lead, onDone }: { lead: LeadView; onDone: (saved: boolean) => void }) {
  const options = useQuery(optionsQueryOptions);
  const [who, setWho] = useState(lead.personDescription);
  const [where, setWhere] = useState(lead.location ?? '');
  const [areaId, setAreaId] = useState<string | null>(lead.areaId);
  const [concern, setConcern] = useState(lead.concern);
  const [urgency, setUrgency] = useState<Urgency>(lead.urgency);
  const [worker, setWorker] = useState<string | null>(lead.assignedUserId);
  const save = useLeadAction(
    lead,
    () => updateLead(lead.id, { version: lead.version, personDescription: who.trim(), location: where.trim() || null, areaId, concern: concern.trim(), urgency, assignedUserId: worker }),
    () => onDone(true),
  );
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const workers = [...new Map((options.data?.workers ?? []).filter((w) => w.agencyId === lead.agencyId).map((w) => [w.id, w])).values()];
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (who.trim() && concern.trim()) save.mutate(undefined);
  };
  return (
    <form onSubmit={submit} onKeyDown={preventEnterWhileComposing} noValidate aria-label={o.edit}>
      <Stack gap="sm">
        <TextInput label={o.who} value={who} onChange={(e) => setWho(e.currentTarget.value)} error={!who.trim() ? o.required : errors.personDescription} maxLength={200} required />
        <TextInput label={o.where} value={where} onChange={(e) => setWhere(e.currentTarget.value)} maxLength={200} />
        <Select label={o.area} data={(options.data?.areas ?? []).map((a) => ({ value: a.id, label: a.name }))} value={areaId} onChange={setAreaId} clearable placeholder={o.areaNone} />
        <Textarea label={o.concern} value={concern} onChange={(e) => setConcern(e.currentTarget.value)} error={!concern.trim() ? o.required : errors.concern} autosize minRows={3} maxLength={4000} required />
        <Radio.Group label={o.urgencyLabel} value={urgency} onChange={(v) => setUrgency(v as Urgency)}>
          <Group mt={4}>
            {URGENCIES.map((u) => (
              <Radio key={u} value={u} label={o.urgency[u]} />
            ))}
          </Group>
        </Radio.Group>
        <Select label={o.worker} data={workers.map((w) => ({ value: w.id, label: w.name }))} value={worker} onChange={setWorker} clearable placeholder={o.unassigned} error={errors.assignedUserId} />
        <ErrorAlert error={save.error} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {o.editSave}
          </Button>
          <Button variant="default" onClick={() => onDone(false)}>
            {o.cancel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
