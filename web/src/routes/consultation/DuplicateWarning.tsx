import { Alert, List, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { ja } from '../../i18n/ja';
import { personSearchQueryOptions } from './api';
import { AnchorLink } from './AnchorLink';
import { fullName, kanaOf, useBirthDate } from './format';

const p = ja.consultation.person;
const SHOW = 5;

/**
 * 似た方が登録されています: searches as the name or reading is typed (the caller stops updating
 * `probe` while an IME is composing; we wait 300 ms more) and lists up to five matches.
 * A warning only: saving stays allowed. Search errors are not shown here (the save will tell).
 */
export function DuplicateWarning({ probe, excludeId }: { probe: string; excludeId?: string }) {
  const [term] = useDebouncedValue(probe.trim(), 300);
  const birth = useBirthDate();
  const search = useQuery({ ...personSearchQueryOptions(term, SHOW + 1), placeholderData: (prev) => prev });
  if (!term || !search.data) return null;
  const hits = search.data.items.filter((h) => h.id !== excludeId).slice(0, SHOW);
  if (hits.length === 0) return null;
  return (
    <Alert color="yellow" variant="light" role="status" title={p.duplicateTitle}>
      <Text size="sm" mb={4}>
        {p.duplicateIntro}
      </Text>
      <List size="sm" spacing={2}>
        {hits.map((h) => (
          <List.Item key={h.id}>
            <AnchorLink to="/consultation/persons/$id" params={{ id: h.id }} size="sm">
              {fullName(h)}
            </AnchorLink>
            {[kanaOf(h), birth(h.birthDate)]
              .filter(Boolean)
              .map((s) => ja.text.paren(s))
              .join('')}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
