import { Button, Checkbox, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { ja } from '../../i18n/ja';
import type { PersonHit } from './api';
import { fullName, kanaOf, useBirthDate } from './format';

const h = ja.consultation.household;

export interface DraftMember {
  hit: PersonHit;
  roleInHousehold: 'head' | 'member';
  livingTogether: boolean;
}

export const roleOptions = [
  { value: 'head', label: h.roles.head ?? 'head' },
  { value: 'member', label: h.roles.member ?? 'member' },
];

export const toRole = (v: string | null): 'head' | 'member' => (v === 'head' ? 'head' : 'member');

/** The members chosen so far on 世帯の登録, each with 続柄 and 同居, and 外す. */
export function DraftMemberList({
  members,
  onChange,
  error,
}: {
  members: DraftMember[];
  onChange: (members: DraftMember[]) => void;
  error?: string;
}) {
  const birth = useBirthDate();
  const patch = (id: string, change: Partial<DraftMember>) =>
    onChange(members.map((m) => (m.hit.id === id ? { ...m, ...change } : m)));
  return (
    <Stack gap="xs">
      {members.length === 0 && (
        <Text c="dimmed" size="sm">
          {h.noMembers}
        </Text>
      )}
      {members.map((m) => {
        const name = fullName(m.hit);
        return (
          <Paper key={m.hit.id} withBorder p="xs" radius="sm">
            <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
              <div>
                <Text fw={600}>{name}</Text>
                <Text size="xs" c="dimmed">
                  {[kanaOf(m.hit), birth(m.hit.birthDate)].filter(Boolean).join(ja.text.listSeparator)}
                </Text>
              </div>
              <Group align="flex-end" gap="sm">
                <Select
                  label={h.role}
                  data={roleOptions}
                  value={m.roleInHousehold}
                  onChange={(v) => patch(m.hit.id, { roleInHousehold: toRole(v) })}
                  allowDeselect={false}
                  w={140}
                />
                <Checkbox
                  label={h.livingTogether}
                  checked={m.livingTogether}
                  onChange={(e) => patch(m.hit.id, { livingTogether: e.currentTarget.checked })}
                  mb={8}
                />
                <Button
                  variant="default"
                  size="xs"
                  mb={4}
                  aria-label={h.removeNamed(name)}
                  onClick={() => onChange(members.filter((x) => x.hit.id !== m.hit.id))}
                >
                  {h.remove}
                </Button>
              </Group>
            </Group>
          </Paper>
        );
      })}
      {error && (
        <Text c="red" size="sm" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
