import { Badge, Fieldset, Group, List, Stack, Text } from '@mantine/core';
import { Section } from '../../../components/Section';
import { ja } from '../../../i18n/ja';
import type { QuestionSetView } from '../../consultation/assessment/api';

const t = ja.assessment.admin;

/** One published version as it reads (published versions never change). */
export function QuestionSetReadOnly({ questionSet }: { questionSet: QuestionSetView }) {
  return (
    <Section title={t.viewing(questionSet.title, questionSet.version)}>
      {questionSet.definition.sections.map((section) => (
        <Fieldset key={section.code} legend={section.title}>
          <Stack gap={6}>
            {section.questions.map((q) => (
              <div key={q.code}>
                <Group gap={6}>
                  <Text size="sm">{q.label}</Text>
                  <Badge size="xs" variant="outline" color="gray">
                    {t.questionType[q.type]}
                  </Badge>
                  {q.nationalReport && (
                    <Badge size="xs" variant="light" color="grape">
                      {ja.assessment.nationalReport}
                    </Badge>
                  )}
                </Group>
                {q.options && q.options.length > 0 && (
                  <List size="xs" c="dimmed" ml="md">
                    {q.options.map((o) => (
                      <List.Item key={o.code}>{o.label}</List.Item>
                    ))}
                  </List>
                )}
              </div>
            ))}
          </Stack>
        </Fieldset>
      ))}
    </Section>
  );
}
