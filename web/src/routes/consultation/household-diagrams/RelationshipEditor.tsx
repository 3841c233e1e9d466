import { Button, Checkbox, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Notice } from '../../../components/Notice';
import { ja } from '../../../i18n/ja';
import { type HouseholdView, householdQueryKey, type RelationshipKind } from '../api';
import { addRelationship, removeRelationship } from './api';
import { diagramPeople } from './model';

const d = ja.diagrams;
const KINDS: RelationshipKind[] = ['parent', 'child', 'spouse', 'sibling', 'grandparent', 'grandchild', 'other'];

/** 続柄を登録: "A は B の 親" — and the list of registered ties with 削除 for mistakes. */
export function RelationshipEditor({ household }: { household: HouseholdView }) {
  const queryClient = useQueryClient();
  const people = diagramPeople(household);
  const options = people.map((p) => ({ value: p.member.personId, label: p.name }));
  const nameOf = (id: string) => people.find((p) => p.member.personId === id)?.name ?? id;
  const [personId, setPersonId] = useState<string | null>(null);
  const [relatedId, setRelatedId] = useState<string | null>(null);
  const [kind, setKind] = useState<RelationshipKind>('parent');
  const [together, setTogether] = useState(true);
  const [notice, setNotice] = useState<string | null>(null);
  const saved = (view: HouseholdView, message: string) => {
    queryClient.setQueryData(householdQueryKey(view.id), view);
    setNotice(message);
  };
  const add = useMutation({
    mutationFn: () => addRelationship(household.id, { personId: personId ?? '', relatedPersonId: relatedId ?? '', kind, livingTogether: together }),
    onMutate: () => setNotice(null),
    onSuccess: (view) => {
      saved(view, d.relAdded);
      setPersonId(null);
      setRelatedId(null);
    },
  });
  const remove = useMutation({
    mutationFn: (relationshipId: string) => removeRelationship(household.id, relationshipId),
    onMutate: () => setNotice(null),
    onSuccess: (view) => saved(view, d.relRemoved),
  });

  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {d.addRelationship}
      </Title>
      <Group align="flex-end" gap="sm">
        <Select label={d.relPerson} data={options} value={personId} onChange={setPersonId} w={200} />
        <Select label={d.relRelated} data={options.filter((o) => o.value !== personId)} value={relatedId} onChange={setRelatedId} w={200} />
        <Select
          label={d.relKind}
          data={KINDS.map((k) => ({ value: k, label: d.kinds[k] ?? k }))}
          value={kind}
          onChange={(v) => setKind((v as RelationshipKind | null) ?? 'parent')}
          allowDeselect={false}
          w={140}
        />
        <Checkbox label={d.relLiving} checked={together} onChange={(e) => setTogether(e.currentTarget.checked)} mb={8} />
        <Button onClick={() => add.mutate()} loading={add.isPending} disabled={!personId || !relatedId}>
          {d.relSave}
        </Button>
      </Group>
      <Notice>{notice}</Notice>
      <ErrorAlert error={add.error ?? remove.error} />
      {household.relationships.length > 0 && (
        <Table aria-label={d.relationshipsTable} verticalSpacing={4}>
          <Table.Tbody>
            {household.relationships.map((r) => {
              const sentence = d.relationSentence(nameOf(r.personId), d.kinds[r.kind] ?? r.kind, nameOf(r.relatedPersonId));
              return (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Text size="sm">{sentence}</Text>
                  </Table.Td>
                  <Table.Td w={100}>
                    <Button size="compact-sm" variant="subtle" color="red" aria-label={d.relRemoveLabel(sentence)} loading={remove.isPending && remove.variables === r.id} onClick={() => remove.mutate(r.id)}>
                      {d.relRemove}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
