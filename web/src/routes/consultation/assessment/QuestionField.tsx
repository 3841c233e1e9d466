import { Badge, Checkbox, Group, Radio, Textarea } from '@mantine/core';
import type { ReactNode } from 'react';
import { ja } from '../../../i18n/ja';
import type { AnswerValue, Question } from './api';

const a = ja.assessment;

/** The question's label, with the 国への報告事項 badge beside flagged questions. */
function QuestionLabel({ question }: { question: Question }): ReactNode {
  return (
    <Group component="span" gap={6} wrap="nowrap" style={{ display: 'inline-flex' }}>
      <span>{question.label}</span>
      {question.nationalReport && (
        <Badge component="span" size="xs" variant="light" color="grape">
          {a.nationalReport}
        </Badge>
      )}
    </Group>
  );
}

/**
 * One question of the sheet, bound to its label so a screen reader (and a test) finds it by name:
 * check → Checkbox, single → radio group (arrow keys move; 未回答 clears), multi → checkbox group,
 * text → textarea.
 */
export function QuestionField({
  question,
  value,
  onChange,
}: {
  question: Question;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue | undefined) => void;
}) {
  const label = <QuestionLabel question={question} />;
  const description = question.help;
  switch (question.type) {
    case 'check':
      return <Checkbox label={label} description={description} checked={value === true} onChange={(e) => onChange(e.currentTarget.checked ? true : undefined)} />;
    case 'single':
      return (
        <Radio.Group label={label} description={description} value={typeof value === 'string' ? value : ''} onChange={(v) => onChange(v === '' ? undefined : v)}>
          <Group gap="md" mt={4}>
            {(question.options ?? []).map((o) => (
              <Radio key={o.code} value={o.code} label={o.label} />
            ))}
            <Radio value="" label={a.clearChoice} />
          </Group>
        </Radio.Group>
      );
    case 'multi':
      return (
        <Checkbox.Group label={label} description={description} value={Array.isArray(value) ? value : []} onChange={(v) => onChange(v.length > 0 ? v : undefined)}>
          <Group gap="md" mt={4}>
            {(question.options ?? []).map((o) => (
              <Checkbox key={o.code} value={o.code} label={o.label} />
            ))}
          </Group>
        </Checkbox.Group>
      );
    case 'text':
      return (
        <Textarea
          label={label}
          description={description}
          autosize
          minRows={2}
          maxLength={2000}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value === '' ? undefined : e.currentTarget.value)}
        />
      );
  }
}
