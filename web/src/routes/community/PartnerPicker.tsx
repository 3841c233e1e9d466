import { Button, Checkbox, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { ja } from '../../i18n/ja';

const t = ja.community;

/**
 * The 参加団体 of one session in a dense table: a button naming them, opening a list of check boxes
 * (focus moves into it; Esc closes and returns to the button).
 */
export function PartnerPicker({ label, options, value, onChange, disabled }: { label: string; options: Array<{ value: string; label: string }>; value: string[]; onChange: (ids: string[]) => void; disabled: boolean }) {
  const names = options.filter((o) => value.includes(o.value)).map((o) => o.label);
  return (
    <Popover width={300} position="bottom-end" trapFocus returnFocus shadow="md" disabled={disabled}>
      <Popover.Target>
        <Button size="compact-xs" variant="default" aria-label={label} disabled={disabled} maw={220} styles={{ label: { overflow: 'hidden', textOverflow: 'ellipsis', display: 'block' } }}>
          {names.length === 0 ? t.none : names.join(ja.text.listSeparator)}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Text size="xs" fw={600} mb={4}>
          {label}
        </Text>
        <ScrollArea.Autosize mah={240}>
          <Checkbox.Group value={value} onChange={onChange} aria-label={label}>
            <Stack gap={6}>
              {options.map((o) => (
                <Checkbox key={o.value} value={o.value} label={o.label} size="xs" />
              ))}
            </Stack>
          </Checkbox.Group>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
