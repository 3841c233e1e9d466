import { Checkbox, Fieldset, Radio, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props<T extends string> {
  /** Prefix of the inputs' ids and (for radios) their name. */
  idPrefix: string;
  legend: ReactNode;
  hint?: ReactNode;
  codes: readonly T[];
  labels: Record<T, string>;
  error?: string | undefined;
  errorId: string;
}

/** A group's hint sits under its legend and is read as the group's description, not as its name. */
function Hint({ hint, id }: { hint?: ReactNode; id: string }) {
  if (!hint) return null;
  return (
    <Text id={id} size="sm" c="dimmed" component="div">
      {hint}
    </Text>
  );
}

/** One question with one answer: native radio buttons in a fieldset (arrow keys move between them). */
export function RadioFieldset<T extends string>(props: Props<T> & { value: T | null; onChange: (value: T) => void }) {
  const { idPrefix, legend, hint, codes, labels, error, errorId, value, onChange } = props;
  const describedBy = [hint ? `${idPrefix}-hint` : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <Fieldset legend={legend} aria-describedby={describedBy} variant="unstyled">
      <Hint hint={hint} id={`${idPrefix}-hint`} />
      <Stack gap="xs" mt="xs">
        {codes.map((code) => (
          <Radio
            key={code}
            id={`${idPrefix}-${code}`}
            name={idPrefix}
            value={code}
            label={labels[code]}
            checked={value === code}
            onChange={() => onChange(code)}
            aria-invalid={error ? true : undefined}
          />
        ))}
      </Stack>
      {error ? (
        <Text id={errorId} c="red.8" size="sm" mt="xs">
          {error}
        </Text>
      ) : null}
    </Fieldset>
  );
}

/** One question with any number of answers: native checkboxes in a fieldset. */
export function CheckboxFieldset<T extends string>(props: Props<T> & { value: readonly T[]; onChange: (value: T[]) => void }) {
  const { idPrefix, legend, hint, codes, labels, error, errorId, value, onChange } = props;
  const describedBy = [hint ? `${idPrefix}-hint` : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const toggle = (code: T, on: boolean) => onChange(codes.filter((c) => (c === code ? on : value.includes(c))));
  return (
    <Fieldset legend={legend} aria-describedby={describedBy} variant="unstyled">
      <Hint hint={hint} id={`${idPrefix}-hint`} />
      <Stack gap="xs" mt="xs">
        {codes.map((code) => (
          <Checkbox
            key={code}
            id={`${idPrefix}-${code}`}
            value={code}
            label={labels[code]}
            checked={value.includes(code)}
            onChange={(e) => toggle(code, e.currentTarget.checked)}
            aria-invalid={error ? true : undefined}
          />
        ))}
      </Stack>
      {error ? (
        <Text id={errorId} c="red.8" size="sm" mt="xs">
          {error}
        </Text>
      ) : null}
    </Fieldset>
  );
}
