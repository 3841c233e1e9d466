import { Table, Text } from '@mantine/core';
import { ja } from '../../../i18n/ja';
import { useFormatDate } from '../../../lib/dates';
import type { HouseholdView } from '../api';
import { concernLabels, diagramPeople, relationPhrases } from './model';

const d = ja.diagrams;
const c = ja.consultation;

/** The genogram as a table: one row per person with 続柄, 同居 and 困りごと (図 と同じ内容). */
export function GenogramTable({ household }: { household: HouseholdView }) {
  const fmt = useFormatDate();
  const people = diagramPeople(household);
  const names = new Map(people.map((p) => [p.member.personId, p.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table aria-label={d.genogram} striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{d.colName}</Table.Th>
            <Table.Th scope="col">{d.colSex}</Table.Th>
            <Table.Th scope="col">{d.colAge}</Table.Th>
            <Table.Th scope="col">{d.colRelations}</Table.Th>
            <Table.Th scope="col">{d.colLiving}</Table.Th>
            <Table.Th scope="col">{d.colConcerns}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={6}>
                <Text c="dimmed">{d.noMembers}</Text>
              </Table.Td>
            </Table.Tr>
          )}
          {people.map((p) => {
            const relations = relationPhrases(p.member.personId, household.relationships, nameOf);
            const concerns = concernLabels(p.member);
            return (
              <Table.Tr key={p.member.personId}>
                <Table.Th scope="row" fw="normal">
                  {p.name}
                </Table.Th>
                <Table.Td>{c.sex[p.member.sex] ?? p.member.sex}</Table.Td>
                <Table.Td>{p.age === null ? d.ageUnknown : d.age(p.age)}</Table.Td>
                <Table.Td>{relations.length > 0 ? relations.join(ja.text.listSeparator) : d.none}</Table.Td>
                <Table.Td>{p.together ? d.living : p.left ? d.left(fmt.date(p.member.leftOn ?? '')) : d.apart}</Table.Td>
                <Table.Td>{concerns.length > 0 ? concerns.join(ja.text.listSeparator) : d.none}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
