import { Button, Checkbox, Group, Paper, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { ja } from '../../i18n/ja';
import { emptySchedule, ORDINALS, type ScheduleValues, WEEKDAYS } from './serviceFormValues';

const r = ja.resources;

/** 開催日時: weekly (曜日) or monthly (第何 × 曜日, or 日にち), with opening hours. */
export function ScheduleFields({ value, onChange, errors }: { value: ScheduleValues[]; onChange: (next: ScheduleValues[]) => void; errors: Record<string, string> }) {
  const set = (i: number, patch: Partial<ScheduleValues>) => onChange(value.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <Stack gap="sm">
      {value.length === 0 && (
        <Text size="sm" c="dimmed">
          {r.noSchedules}
        </Text>
      )}
      {value.map((s, i) => {
        const n = i + 1;
        const err = (field: string) => errors[`schedules.${i}.${field}`];
        return (
          <Paper key={s.key} withBorder p="sm" radius="md" component="fieldset" aria-label={r.schedule(n)}>
            <Stack gap="xs">
              <Group justify="space-between">
                <Text fw={600} size="sm">
                  {r.schedule(n)}
                </Text>
                <Button variant="subtle" color="red" size="compact-sm" onClick={() => onChange(value.filter((_, j) => j !== i))} aria-label={r.removeSchedule(n)}>
                  {r.remove}
                </Button>
              </Group>
              <Group gap="xs">
                <Text size="sm" id={`${s.key}-freq`}>
                  {r.freq}
                </Text>
                <SegmentedControl
                  aria-labelledby={`${s.key}-freq`}
                  value={s.freq}
                  onChange={(f) => set(i, { freq: f === 'MONTHLY' ? 'MONTHLY' : 'WEEKLY' })}
                  data={['WEEKLY', 'MONTHLY'].map((f) => ({ value: f, label: r.freqs[f] ?? f }))}
                />
              </Group>
              {s.freq === 'MONTHLY' && s.custom === null && (
                <Checkbox.Group label={r.ordinals} value={s.ordinals} onChange={(ordinals) => set(i, { ordinals })}>
                  <Group gap="md" mt={4}>
                    {ORDINALS.map((o) => (
                      <Checkbox key={o} value={o} label={r.ordinalNames[o]} />
                    ))}
                  </Group>
                </Checkbox.Group>
              )}
              {s.custom !== null && s.freq === 'MONTHLY' ? (
                <TextInput label={r.weekdays} value={s.custom} onChange={(e) => set(i, { custom: e.currentTarget.value })} error={err('byday')} />
              ) : (
                <Checkbox.Group label={r.weekdays} value={s.days} onChange={(days) => set(i, { days })} error={err('byday')}>
                  <Group gap="md" mt={4}>
                    {WEEKDAYS.map((d) => (
                      <Checkbox key={d} value={d} label={r.weekdayNames[d]} />
                    ))}
                  </Group>
                </Checkbox.Group>
              )}
              {s.freq === 'MONTHLY' && <TextInput label={r.monthDays} value={s.monthDays} onChange={(e) => set(i, { monthDays: e.currentTarget.value })} error={err('bymonthday')} maw={240} />}
              <Group grow align="flex-start" maw={420}>
                <TextInput type="time" label={r.opensAt} value={s.opensAt} onChange={(e) => set(i, { opensAt: e.currentTarget.value })} error={err('opensAt')} />
                <TextInput type="time" label={r.closesAt} value={s.closesAt} onChange={(e) => set(i, { closesAt: e.currentTarget.value })} error={err('closesAt')} />
              </Group>
              <TextInput label={r.scheduleNote} value={s.description} onChange={(e) => set(i, { description: e.currentTarget.value })} error={err('description')} />
            </Stack>
          </Paper>
        );
      })}
      <Group>
        <Button variant="light" onClick={() => onChange([...value, emptySchedule()])}>
          {r.addSchedule}
        </Button>
      </Group>
    </Stack>
  );
}
