import { Checkbox, Fieldset, Radio, Table, Text } from '@mantine/core';
import { useId } from 'react';
import { ja } from '../../../i18n/ja';
import { CONCERN_CATEGORY_CODES } from '../api';
import { categoryLabel } from './format';

const i = ja.consultation.intake;

/**
 * 相談票の16項目: a ○ checkbox per item and a ◎ radio (主訴) that is enabled once the item is
 * checked. The radios share one name, so at most one ◎ exists and arrow keys move between them.
 */
export function ConcernChecklist({
  categories,
  primary,
  error,
  onChange,
}: {
  categories: string[];
  primary: string | null;
  error?: string;
  onChange: (categories: string[], primary: string | null) => void;
}) {
  const name = useId();
  const errorId = useId();

  function toggle(code: string, checked: boolean) {
    const next = checked
      ? CONCERN_CATEGORY_CODES.filter((c) => c === code || categories.includes(c))
      : categories.filter((c) => c !== code);
    onChange(next, primary === code && !checked ? null : primary);
  }

  return (
    <Fieldset legend={i.categories} aria-describedby={error ? errorId : undefined} variant="unstyled">
      <Text size="sm" c="dimmed" mb="xs">
        {i.categoriesHint}
      </Text>
      <Table withTableBorder verticalSpacing={6} maw={560}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{i.colMark}</Table.Th>
            <Table.Th scope="col" w={110} ta="center">
              {i.colPrimary}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {CONCERN_CATEGORY_CODES.map((code) => {
            const label = categoryLabel(code);
            const checked = categories.includes(code);
            return (
              <Table.Tr key={code}>
                <Table.Td>
                  <Checkbox label={label} checked={checked} onChange={(e) => toggle(code, e.currentTarget.checked)} />
                </Table.Td>
                <Table.Td>
                  <Radio
                    name={name}
                    value={code}
                    aria-label={i.makePrimary(label)}
                    checked={primary === code}
                    disabled={!checked}
                    onChange={(e) => e.currentTarget.checked && onChange(categories, code)}
                    styles={{ body: { justifyContent: 'center' } }}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {error && (
        <Text id={errorId} c="red" size="sm" mt={4}>
          {error}
        </Text>
      )}
    </Fieldset>
  );
}
