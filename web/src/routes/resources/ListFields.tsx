import { Button, Group, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { ja } from '../../i18n/ja';
import type { DirectoryOptions } from './api';
import { type CostValues, emptyCost, emptyLocation, type LocationValues } from './serviceFormValues';

const r = ja.resources;

function Header({ title, onRemove, removeLabel }: { title: string; onRemove: () => void; removeLabel: string }) {
  return (
    <Group justify="space-between">
      <Text fw={600} size="sm">
        {title}
      </Text>
      <Button variant="subtle" color="red" size="compact-sm" onClick={onRemove} aria-label={removeLabel}>
        {r.remove}
      </Button>
    </Group>
  );
}

/** 場所: name, address, 郵便番号 and 圏域 of each place the service is offered at. */
export function LocationFields({
  value,
  onChange,
  areas,
  errors,
}: {
  value: LocationValues[];
  onChange: (next: LocationValues[]) => void;
  areas: DirectoryOptions['areas'];
  errors: Record<string, string>;
}) {
  const set = (i: number, patch: Partial<LocationValues>) => onChange(value.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  return (
    <Stack gap="sm">
      {value.length === 0 && (
        <Text size="sm" c="dimmed">
          {r.noLocations}
        </Text>
      )}
      {value.map((l, i) => {
        const n = i + 1;
        const err = (field: string) => errors[`locations.${i}.${field}`];
        return (
          <Paper key={l.key} withBorder p="sm" radius="md" component="fieldset" aria-label={r.location(n)}>
            <Stack gap="xs">
              <Header title={r.location(n)} onRemove={() => onChange(value.filter((_, j) => j !== i))} removeLabel={r.removeLocation(n)} />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label={r.locationName} value={l.name} onChange={(e) => set(i, { name: e.currentTarget.value })} error={err('name')} />
                <NativeSelect
                  label={r.locationArea}
                  value={l.areaId}
                  onChange={(e) => set(i, { areaId: e.currentTarget.value })}
                  data={[{ value: '', label: r.noneSet }, ...areas.map((a) => ({ value: a.id, label: a.name }))]}
                  error={err('areaId')}
                />
                <TextInput label={r.postalCode} value={l.postalCode} onChange={(e) => set(i, { postalCode: e.currentTarget.value })} error={err('postalCode')} />
                <TextInput label={r.address} value={l.address} onChange={(e) => set(i, { address: e.currentTarget.value })} error={err('address')} />
                <TextInput label={r.accessibility} value={l.accessibility} onChange={(e) => set(i, { accessibility: e.currentTarget.value })} error={err('accessibility')} />
                <TextInput label={r.description} value={l.description} onChange={(e) => set(i, { description: e.currentTarget.value })} error={err('description')} />
              </SimpleGrid>
            </Stack>
          </Paper>
        );
      })}
      <Group>
        <Button variant="light" onClick={() => onChange([...value, emptyLocation()])}>
          {r.addLocation}
        </Button>
      </Group>
    </Stack>
  );
}

/** 費用: each cost option with its amount in yen (0 = 無料). */
export function CostFields({ value, onChange, errors }: { value: CostValues[]; onChange: (next: CostValues[]) => void; errors: Record<string, string> }) {
  const set = (i: number, patch: Partial<CostValues>) => onChange(value.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <Stack gap="sm">
      {value.length === 0 && (
        <Text size="sm" c="dimmed">
          {r.noCosts}
        </Text>
      )}
      {value.map((c, i) => {
        const n = i + 1;
        const err = (field: string) => errors[`costOptions.${i}.${field}`];
        return (
          <Paper key={c.key} withBorder p="sm" radius="md" component="fieldset" aria-label={`${r.sectionCosts}${n}`}>
            <Stack gap="xs">
              <Header title={`${r.sectionCosts}${n}`} onRemove={() => onChange(value.filter((_, j) => j !== i))} removeLabel={r.removeCost(n)} />
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <TextInput label={r.costOption} value={c.option} onChange={(e) => set(i, { option: e.currentTarget.value })} error={err('option')} />
                <NumberInput
                  label={r.amount}
                  value={c.amount}
                  onChange={(v) => set(i, { amount: typeof v === 'number' ? v : '' })}
                  min={0}
                  allowDecimal={false}
                  thousandSeparator=","
                  error={err('amount')}
                />
                <TextInput label={r.amountNote} value={c.amountDescription} onChange={(e) => set(i, { amountDescription: e.currentTarget.value })} error={err('amountDescription')} />
              </SimpleGrid>
            </Stack>
          </Paper>
        );
      })}
      <Group>
        <Button variant="light" onClick={() => onChange([...value, emptyCost()])}>
          {r.addCost}
        </Button>
      </Group>
    </Stack>
  );
}
