import { Button, Checkbox, Group, Modal, NativeSelect, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ja } from '../../i18n/ja';
import { ApiError } from '../../lib/api';
import { preventEnterWhileComposing } from '../../lib/ime';
import { fundingChanged, PARTS, PAYERS, type Part, type Payer, type Rate, ROUNDINGS, type Silo, SILOS, saveRate } from './api';

const t = ja.funding;
const num = (v: string | number) => (typeof v === 'number' ? v : v === '' ? null : Number(v));

/** Saves a rate as a new version (the earlier one stays); based on the version shown, else 409. */
export function RateFormModal({ fiscalYear, rate, onClose }: { fiscalYear: number; rate: Rate | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [part, setPart] = useState<Part>(rate?.part ?? 'houkatsu_soudan');
  const [silo, setSilo] = useState<Silo>(rate?.silo ?? 'kaigo');
  const [populationFrom, setPopulationFrom] = useState<number | null>(rate?.populationFrom ?? 0);
  const [populationTo, setPopulationTo] = useState<number | null>(rate?.populationTo ?? null);
  const [base, setBase] = useState<number | null>(rate?.baseAmountYen ?? null);
  const [denominator, setDenominator] = useState<number | null>(rate?.ratios.denominator ?? 100);
  const [ratios, setRatios] = useState<Record<Payer, number | null>>(rate ? { ...rate.ratios } : { kuni: 0, todofuken: 0, shichoson: 0, hoken1: 0, hoken2: 0 });
  const [rounding, setRounding] = useState<Rate['rounding']>(rate?.rounding ?? 'floor_1000');
  const [isSample, setIsSample] = useState(rate?.isSample ?? false);
  const [note, setNote] = useState(rate?.note ?? '');
  const sum = PAYERS.reduce((s, p) => s + (ratios[p] ?? 0), 0);
  const save = useMutation({
    mutationFn: () =>
      saveRate({
        fiscalYear,
        part,
        silo,
        populationFrom: populationFrom ?? 0,
        populationTo,
        baseAmountYen: base,
        ratios: { denominator: denominator ?? 0, kuni: ratios.kuni ?? 0, todofuken: ratios.todofuken ?? 0, shichoson: ratios.shichoson ?? 0, hoken1: ratios.hoken1 ?? 0, hoken2: ratios.hoken2 ?? 0 },
        rounding,
        isSample,
        note,
        expectedVersionNo: rate?.versionNo ?? 0,
      }),
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
    <Modal opened onClose={onClose} title={t.rateFormTitle} size="xl" closeButtonProps={{ 'aria-label': ja.app.close }}>
      <form onSubmit={submit} onKeyDown={preventEnterWhileComposing} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={save.error} />
          <Group grow align="flex-start">
            <NativeSelect label={t.part} value={part} disabled={rate !== null} onChange={(e) => setPart(e.currentTarget.value as Part)} data={PARTS.map((p) => ({ value: p, label: t.parts[p] ?? p }))} />
            <NativeSelect label={t.colSilo} value={silo} disabled={rate !== null} onChange={(e) => setSilo(e.currentTarget.value as Silo)} data={SILOS.map((s) => ({ value: s, label: t.silos[s] ?? s }))} />
          </Group>
          <Group grow align="flex-start">
            <NumberInput label={t.populationFrom} value={populationFrom ?? ''} disabled={rate !== null} onChange={(v) => setPopulationFrom(num(v))} min={0} allowDecimal={false} thousandSeparator="," />
            <NumberInput label={t.populationTo} value={populationTo ?? ''} onChange={(v) => setPopulationTo(num(v))} min={1} allowDecimal={false} thousandSeparator="," error={fields.populationTo} />
          </Group>
          <NumberInput label={t.baseAmount} value={base ?? ''} onChange={(v) => setBase(num(v))} min={0} allowDecimal={false} thousandSeparator="," error={fields.baseAmountYen} data-autofocus />
          <NumberInput label={t.denominator} description={t.denominatorHint} value={denominator ?? ''} onChange={(v) => setDenominator(num(v))} min={1} allowDecimal={false} />
          <SimpleGrid cols={{ base: 2, sm: 5 }}>
            {PAYERS.map((p) => (
              <NumberInput key={p} label={t.payers[p]} value={ratios[p] ?? ''} onChange={(v) => setRatios((r) => ({ ...r, [p]: num(v) }))} min={0} allowDecimal={false} />
            ))}
          </SimpleGrid>
          <Text size="sm" c={sum === denominator ? 'dimmed' : 'red'} role="status">
            {t.ratioSum(sum, denominator ?? 0)}
          </Text>
          {fields.ratios && (
            <Text size="sm" c="red">
              {fields.ratios}
            </Text>
          )}
          <NativeSelect label={t.rounding} value={rounding} onChange={(e) => setRounding(e.currentTarget.value as Rate['rounding'])} data={ROUNDINGS.map((r) => ({ value: r, label: t.roundings[r] ?? r }))} />
          <Checkbox label={t.isSample} checked={isSample} onChange={(e) => setIsSample(e.currentTarget.checked)} />
          <TextInput label={t.note} value={note} onChange={(e) => setNote(e.currentTarget.value)} autoComplete="off" />
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
