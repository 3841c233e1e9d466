import { Checkbox, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { ja } from '../../i18n/ja';
import { useFormatDate } from '../../lib/dates';
import { type Attachment, attachableQueryOptions, type ReferralSubject } from './api';

const r = ja.referral;

/** A checkbox value for one record: "kind:id". */
export const attachmentKey = (a: Pick<Attachment, 'kind' | 'id'>) => `${a.kind}:${a.id}`;

/**
 * 添付する記録: the records the sender may share. Nothing is checked unless the user checks it
 * (or a draft already had it); only the checked records are shared with the 紹介先.
 */
export function AttachmentPicker({
  subject,
  value,
  onChange,
  extra,
}: {
  subject: ReferralSubject;
  value: string[];
  onChange: (value: string[]) => void;
  /** Records already attached to a draft, shown even if the list no longer offers them. */
  extra?: Attachment[];
}) {
  const fmt = useFormatDate();
  const attachable = useQuery(attachableQueryOptions(subject));
  const items = [...(attachable.data ?? [])];
  for (const a of extra ?? []) if (!items.some((i) => attachmentKey(i) === attachmentKey(a))) items.push(a);
  return (
    <Checkbox.Group label={r.attachTitle} description={r.attachHint} value={value} onChange={onChange}>
      <Stack gap={6} mt="xs">
        <ErrorAlert error={attachable.error} />
        {attachable.isPending && <Loading />}
        {!attachable.isPending && items.length === 0 && (
          <Text size="sm" c="dimmed">
            {r.attachEmpty}
          </Text>
        )}
        {items.map((a) => (
          <Checkbox
            key={attachmentKey(a)}
            value={attachmentKey(a)}
            label={r.attachItem(r.attachmentKinds[a.kind] ?? a.kind, a.label, fmt.date(a.date))}
          />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}
