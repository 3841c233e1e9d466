import { Button, Group, Radio, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, type ReactNode, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ja } from '../../i18n/ja';
import { agenciesQueryOptions } from '../../lib/agencies';
import { ApiError, isApiError } from '../../lib/api';
import { useMe } from '../../lib/me';
import {
  type Attachment,
  type AttachmentKind,
  type Basis,
  LEGAL_BASES,
  type LegalBasis,
  type ReferralInput,
  type ReferralSubject,
  type ReferralView,
  URGENCIES,
  type Urgency,
} from './api';
import { AttachmentPicker } from './AttachmentPicker';
import { ConsentCheckBanner } from './ConsentCheckBanner';
import { ConsentOverrideSection } from './ConsentOverrideSection';

const r = ja.referral;

export interface ReferralFormInitial {
  fromAgencyId?: string;
  toAgencyId?: string;
  reason?: string;
  urgency?: Urgency;
  basis?: Basis;
  legalBasis?: LegalBasis | null;
  attachments?: Attachment[];
}

/** Saves (send=false: 下書き) or sends; `consentOverrideReason` only on the retry after consent_required. */
export type SaveReferral = (input: ReferralInput, send: boolean) => Promise<ReferralView>;

const toKind = (value: string): AttachmentKind | null =>
  value === 'consultation' || value === 'progress_note' || value === 'assessment' ? value : null;

/**
 * The つなぐ form: 紹介先, 本人/世帯 (shown, from where it was opened), 紹介理由, 緊急度, 根拠 (本人同意
 * with the consent check, or 法令等の根拠), 添付する記録, then 下書き保存 or 送る. Enter in a
 * one-line field never sends (and is left alone while an IME is composing); the buttons do.
 */
export function ReferralForm({
  subject,
  subjectLabel,
  initial,
  saveLabel,
  save,
  onSaved,
  onCancel,
}: {
  subject: ReferralSubject;
  subjectLabel: ReactNode;
  initial?: ReferralFormInitial;
  saveLabel: string;
  save: SaveReferral;
  onSaved: (saved: ReferralView, sent: boolean) => void;
  onCancel?: () => void;
}) {
  const me = useMe();
  const agencies = useQuery(agenciesQueryOptions);
  const [fromAgencyId, setFromAgencyId] = useState(initial?.fromAgencyId ?? me.agencies[0]?.id ?? '');
  const [toAgencyId, setToAgencyId] = useState(initial?.toAgencyId ?? '');
  const [reason, setReason] = useState(initial?.reason ?? '');
  const [urgency, setUrgency] = useState<Urgency>(initial?.urgency ?? 'normal');
  const [basis, setBasis] = useState<Basis>(initial?.basis ?? 'consent');
  const [legalBasis, setLegalBasis] = useState<LegalBasis | null>(initial?.legalBasis ?? null);
  const [attached, setAttached] = useState<string[]>(() => (initial?.attachments ?? []).map((a) => `${a.kind}:${a.id}`));
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [overriding, setOverriding] = useState(false);

  const mutation = useMutation({
    mutationFn: (args: { send: boolean; overrideReason?: string }) => save(buildInput(args.overrideReason), args.send),
    onSuccess: (saved, args) => onSaved(saved, args.send),
    onError: (error) => {
      if (isApiError(error, 'consent_required')) setOverriding(true);
    },
  });
  const fields = mutation.error instanceof ApiError ? mutation.error.fieldErrors() : {};

  function buildInput(overrideReason?: string): ReferralInput {
    const attachments = attached.flatMap((key) => {
      const [kind, ...rest] = key.split(':');
      const k = toKind(kind ?? '');
      return k ? [{ kind: k, id: rest.join(':') }] : [];
    });
    return {
      toAgencyId,
      fromAgencyId: me.agencies.length > 1 ? fromAgencyId : undefined,
      ...subject,
      reason: reason.trim(),
      urgency,
      basis,
      legalBasis: basis === 'legal' && legalBasis ? legalBasis : undefined,
      consentOverrideReason: overrideReason,
      attachments,
    };
  }

  function submit(send: boolean) {
    const problems: Record<string, string> = {};
    if (!toAgencyId) problems.toAgencyId = r.toAgencyRequired;
    if (!reason.trim()) problems.reason = r.reasonRequired;
    if (basis === 'legal' && !legalBasis) problems.legalBasis = r.legalBasisRequired;
    setMissing(problems);
    setOverriding(false);
    if (Object.keys(problems).length === 0) mutation.mutate({ send });
  }

  function guardEnter(event: KeyboardEvent<HTMLFormElement>) {
    // Leave Enter alone while an IME is composing (keyCode 229: Safari's commit keystroke).
    if (event.key !== 'Enter' || event.nativeEvent.isComposing || event.keyCode === 229) return;
    const target = event.target as HTMLElement;
    // Enter in a one-line field must not send the referral; Textarea keeps its new line, buttons click.
    if (target.tagName === 'INPUT' && (target as HTMLInputElement).type !== 'checkbox' && (target as HTMLInputElement).type !== 'radio') {
      event.preventDefault();
    }
  }

  const agencyOptions = (agencies.data ?? [])
    .filter((a) => (a.status === 'active' && a.id !== fromAgencyId) || a.id === toAgencyId)
    .map((a) => ({ value: a.id, label: a.name }));

  return (
    <form onSubmit={(e) => e.preventDefault()} onKeyDown={guardEnter} noValidate>
      <Stack gap="md" maw={720}>
        <ErrorAlert error={agencies.error} />
        {me.agencies.length > 1 && (
          <Select
            label={r.fromAgency}
            data={me.agencies.map((a) => ({ value: a.id, label: a.name }))}
            value={fromAgencyId}
            onChange={(v) => setFromAgencyId(v ?? fromAgencyId)}
            allowDeselect={false}
          />
        )}
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {r.subjectLabel}
          </Text>
          {subjectLabel}
        </Stack>
        <Select
          label={r.toAgency}
          placeholder={r.toAgencyPlaceholder}
          data={agencyOptions}
          value={toAgencyId || null}
          onChange={(v) => setToAgencyId(v ?? '')}
          searchable
          nothingFoundMessage={r.noAgency}
          error={missing.toAgencyId ?? fields.toAgencyId}
          required
        />
        <Textarea
          label={r.reason}
          description={r.reasonHint}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={missing.reason ?? fields.reason}
          autosize
          minRows={4}
          maxLength={4000}
          required
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="referral-urgency">
            {r.urgencyLabel}
          </Text>
          <SegmentedControl
            aria-labelledby="referral-urgency"
            value={urgency}
            onChange={(v) => setUrgency(URGENCIES.find((u) => u === v) ?? 'normal')}
            data={URGENCIES.map((u) => ({ value: u, label: r.urgency[u] ?? u }))}
            w="fit-content"
          />
        </Stack>
        <Radio.Group label={r.basis} value={basis} onChange={(v) => setBasis(v === 'legal' ? 'legal' : 'consent')} error={fields.basis}>
          <Group mt="xs">
            <Radio value="consent" label={r.basisLabels.consent} />
            <Radio value="legal" label={r.basisLabels.legal} />
          </Group>
        </Radio.Group>
        {basis === 'legal' && (
          <Select
            label={r.legalBasis}
            data={LEGAL_BASES.map((b) => ({ value: b, label: r.legalBases[b] ?? b }))}
            value={legalBasis}
            onChange={(v) => setLegalBasis(LEGAL_BASES.find((b) => b === v) ?? null)}
            error={missing.legalBasis ?? fields.legalBasis}
            required
          />
        )}
        {basis === 'consent' && <ConsentCheckBanner subject={subject} toAgencyId={toAgencyId} />}
        <AttachmentPicker subject={subject} value={attached} onChange={setAttached} extra={initial?.attachments} />
        <ErrorAlert error={mutation.error} />
        {overriding && (
          <ConsentOverrideSection
            pending={mutation.isPending}
            onSend={(text) => mutation.mutate({ send: true, overrideReason: text })}
            onCancel={() => {
              setOverriding(false);
              mutation.reset();
            }}
          />
        )}
        <Group>
          <Button variant="default" onClick={() => submit(false)} loading={mutation.isPending && !mutation.variables?.send}>
            {saveLabel}
          </Button>
          <Button onClick={() => submit(true)} loading={mutation.isPending && mutation.variables?.send} disabled={overriding}>
            {r.send}
          </Button>
          {onCancel && (
            <Button variant="subtle" onClick={onCancel}>
              {ja.app.cancel}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
