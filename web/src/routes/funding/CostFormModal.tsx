import { Button, Group, Modal, NativeSelect, NumberInput, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ja } from '../../i18n/ja';
import { ApiError } from '../../lib/api';
import { preventEnterWhileComposing } from '../../lib/ime';
import { COST_KINDS, type Cost, type Costs, createCost, fundingChanged, PARTS, type Part, SILOS, updateCost } from './api';
import { partLabel, siloLabel } from './format';

const t = ja.funding;
const num = (v: string | number) => (typeof v === 'number' ? v : v === '' ? null : Number(v));
const cells = PARTS.flatMap((part) => SILOS.map((silo) => ({ part, silo, key: `${part}:${silo}` })));

/** 経費の登録・変更: staff (with hours by 事業 = part × silo), contracts, other costs. */
export function CostFormModal({ fiscalYear, cost, agencies, onClose }: { fiscalYear: number; cost: Cost | null; agencies: Costs['agencies']; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<Cost['kind']>(cost?.kind ?? 'staff');
  const [label, setLabel] = useState(cost?.label ?? '');
  const [agencyId, setAgencyId] = useState(cost?.agencyId ?? '');
  const [part, setPart] = useState<Part>(cost?.part ?? 'houkatsu_soudan');
  const [amount, setAmount] = useState<number | null>(cost?.amountYen ?? null);
  const [hours, setHours] = useState<Record<string, number | null>>(Object.fromEntries((cost?.hours ?? []).map((h) => [`${h.part}:${h.silo}`, h.hours])));
  const save = useMutation({
    mutationFn: () => {
      const input = {
        fiscalYear,
        kind,
        label: label.trim(),
        agencyId: agencyId || null,
        part,
        amountYen: amount ?? -1,
        note: cost?.note ?? '',
        hours: kind === 'staff' ? cells.filter((c) => (hours[c.key] ?? 0) > 0).map((c) => ({ part: c.part, silo: c.silo, hours: hours[c.key] ?? 0 })) : [],
      };
      return cost ? updateCost(cost.costId, { ...input, version: cost.version }) : createCost(input);
    },
    onSuccess: async () => {
      await fundingChanged(queryClient);
      onClose();
    },
  });
  const fields = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate();
  }
  return (
    <Modal opened onClose={onClose} title={t.costFormTitle} size="xl" closeButtonProps={{ 'aria-label': ja.app.close }}>
      <form onSubmit={submit} onKeyDown={preventEnterWhileComposing} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={save.error} />
          <TextInput label={t.label} value={label} onChange={(e) => setLabel(e.currentTarget.value)} error={fields.label} autoComplete="off" required data-autofocus />
          <Group grow align="flex-start">
            <NativeSelect label={t.kind} value={kind} onChange={(e) => setKind(e.currentTarget.value as Cost['kind'])} data={COST_KINDS.map((k) => ({ value: k, label: t.costKinds[k] ?? k }))} />
            <NativeSelect label={t.part} value={part} onChange={(e) => setPart(e.currentTarget.value as Part)} data={PARTS.map((p) => ({ value: p, label: partLabel(p) }))} />
          </Group>
          <NativeSelect label={t.agency} value={agencyId} onChange={(e) => setAgencyId(e.currentTarget.value)} data={[{ value: '', label: t.noAgency }, ...agencies.map((a) => ({ value: a.agencyId, label: a.name }))]} error={fields.agencyId} />
          <NumberInput label={t.amount} value={amount ?? ''} onChange={(v) => setAmount(num(v))} min={0} allowDecimal={false} thousandSeparator="," error={fields.amountYen} required />
          {kind === 'staff' && (
            <>
              <Title order={3} size="h5">
                {t.hoursTitle}
              </Title>
              <SimpleGrid cols={{ base: 2, sm: 4 }}>
                {cells.map((c) => (
                  <NumberInput
                    key={c.key}
                    label={t.hoursFor(partLabel(c.part), siloLabel(c.silo))}
                    value={hours[c.key] ?? ''}
                    onChange={(v) => setHours((h) => ({ ...h, [c.key]: num(v) }))}
                    min={0}
                    allowDecimal={false}
                    error={fields.hours}
                  />
                ))}
              </SimpleGrid>
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {ja.app.cancel}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
