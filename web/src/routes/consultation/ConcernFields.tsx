import { Checkbox, Group, SimpleGrid, TagsInput } from '@mantine/core';
import { ja } from '../../i18n/ja';
import { CARE_FLAG_CODES, CONCERN_CATEGORY_CODES } from './api';

const c = ja.consultation;
const p = c.person;

/** 相談内容の分類 (16 checkboxes), タグ and 要配慮 — part of the person form. */
export function ConcernFields({
  categories,
  tags,
  careFlags,
  errors,
  onCategories,
  onTags,
  onCareFlags,
}: {
  categories: string[];
  tags: string[];
  careFlags: string[];
  errors: (path: string) => string | undefined;
  onCategories: (v: string[]) => void;
  onTags: (v: string[]) => void;
  onCareFlags: (v: string[]) => void;
}) {
  return (
    <>
      <Checkbox.Group
        label={p.categories}
        value={categories}
        onChange={onCategories}
        error={errors('concerns.categories')}
      >
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="xs" verticalSpacing="xs" mt="xs">
          {CONCERN_CATEGORY_CODES.map((code) => (
            <Checkbox key={code} value={code} label={c.categories[code]} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <TagsInput
        label={p.tags}
        description={p.tagsHint}
        data={[...c.commonTags]}
        value={tags}
        onChange={onTags}
        error={errors('concerns.tags')}
        maxTags={20}
        clearable
      />
      <Checkbox.Group label={p.careFlags} value={careFlags} onChange={onCareFlags} error={errors('careFlags')}>
        <Group gap="md" mt="xs">
          {CARE_FLAG_CODES.map((code) => (
            <Checkbox key={code} value={code} label={c.careFlags[code]} />
          ))}
        </Group>
      </Checkbox.Group>
    </>
  );
}
