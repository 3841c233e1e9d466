import { Badge, Group, List, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Section } from '../../components/Section';
import { ja } from '../../i18n/ja';
import { useFormatDate } from '../../lib/dates';
import type { PersonMembership, PersonView } from './api';
import { AnchorLink } from './AnchorLink';
import { kanaOf, useBirthDate } from './format';

const c = ja.consultation;
const p = c.person;
const h = c.household;

function Badges({ items }: { items: string[] }) {
  if (items.length === 0) return <Text c="dimmed" size="sm">{p.none}</Text>;
  return (
    <Group gap={6}>
      {items.map((label) => (
        <Badge key={label} variant="light" radius="sm" tt="none">
          {label}
        </Badge>
      ))}
    </Group>
  );
}

const orNone = (value: string | null | undefined): ReactNode =>
  value ? value : <Text c="dimmed" size="sm" component="span">{p.none}</Text>;

/** The person's recorded facts, one row per item (a table read row by row). */
export function PersonDetails({ person }: { person: PersonView }) {
  const birth = useBirthDate();
  const rows: Array<[string, ReactNode]> = [
    [c.colKana, orNone(kanaOf(person))],
    [p.sex, c.sex[person.sex] ?? person.sex],
    [p.birthDate, orNone(birth(person.birthDate))],
    [p.address, orNone(person.address)],
    [p.phone, orNone(person.phones.join(ja.text.listSeparator))],
    [p.categories, <Badges key="c" items={person.concerns.categories.map((code) => c.categories[code] ?? code)} />],
    [p.tags, <Badges key="t" items={person.concerns.tags} />],
    [p.careFlags, <Badges key="f" items={person.careFlags.map((code) => c.careFlags[code] ?? code)} />],
    [p.notes, person.notes ? <Text key="n" style={{ whiteSpace: 'pre-wrap' }}>{person.notes}</Text> : orNone(null)],
  ];
  return (
    <Table variant="vertical" layout="fixed" withTableBorder>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th scope="row" w={180}>
              {label}
            </Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** 世帯: current households first, then past ones marked 転出 <date>. */
export function PersonHouseholds({ households }: { households: PersonMembership[] }) {
  const fmt = useFormatDate();
  const sorted = [...households].sort((a, b) => {
    if ((a.leftOn === null) !== (b.leftOn === null)) return a.leftOn === null ? -1 : 1;
    return (b.leftOn ?? b.joinedOn).localeCompare(a.leftOn ?? a.joinedOn);
  });
  return (
    <Section title={p.households}>
      {sorted.length === 0 ? (
        <Text c="dimmed" size="sm">
          {p.noHouseholds}
        </Text>
      ) : (
        <List spacing={4}>
          {sorted.map((m) => (
            <List.Item key={`${m.householdId}-${m.joinedOn}`}>
              <Group gap="xs">
                <AnchorLink to="/consultation/households/$id" params={{ id: m.householdId }}>
                  {m.label}
                </AnchorLink>
                <Text size="sm">{h.roles[m.roleInHousehold] ?? m.roleInHousehold}</Text>
                <Text size="sm">{m.livingTogether ? h.livingYes : h.livingNo}</Text>
                {m.leftOn ? (
                  <Badge color="gray" variant="light" radius="sm" tt="none">
                    {p.movedOut(fmt.date(m.leftOn))}
                  </Badge>
                ) : (
                  <Badge color="teal" variant="light" radius="sm" tt="none">
                    {p.current}
                  </Badge>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
    </Section>
  );
}
