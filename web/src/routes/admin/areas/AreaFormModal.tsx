import { Button, Group, Modal, NativeSelect, NumberInput, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ja } from '../../../i18n/ja';
import { agenciesQueryOptions } from '../../../lib/agencies';
import { ApiError, isApiError } from '../../../lib/api';
import { preventEnterWhileComposing } from '../../../lib/ime';
import { type Area, createArea, updateArea } from '../../community/api';

const t = ja.community.areas;
const KINDS = ['daily_life', 'district', 'other'] as const;

/** Add a 圏域 (area = null) or change one, sending the version read when the dialog opened. */
export function AreaFormModal({ area, areas, onClose, onDone }: { area: Area | null; areas: Area[]; onClose: () => void; onDone: (saved: Area) => void }) {
  const queryClient = useQueryClient();
  const agencies = useQuery(agenciesQueryOptions);
  const [code, setCode] = useState(area?.code ?? '');
  const [name, setName] = useState(area?.name ?? '');
  const [kind, setKind] = useState<Area['kind']>(area?.kind ?? 'daily_life');
  const [parentId, setParentId] = useState(area?.parentId ?? '');
  const [agencyId, setAgencyId] = useState(area?.responsibleAgencyId ?? '');
  const [sortOrder, setSortOrder] = useState<number | string>(area?.sortOrder ?? (areas.length + 1) * 10);
  const save = useMutation({
    mutationFn: () => {
      const input = { code: code.trim(), name: name.trim(), kind, parentId: parentId || null, responsibleAgencyId: agencyId || null, sortOrder: Number(sortOrder) || 0 };
      return area ? updateArea(area.id, { ...input, version: area.version }) : createArea(input);
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['areas'] });
      onDone(saved);
    },
    onError: (error) => {
      if (isApiError(error, 'conflict')) void queryClient.invalidateQueries({ queryKey: ['areas'] });
    },
  });
  const fields = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const parents = areas.filter((a) => a.id !== area?.id);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate();
  }
  return (
    <Modal opened onClose={onClose} title={area ? t.editTitle(area.name) : t.addTitle} size="lg" closeButtonProps={{ 'aria-label': ja.app.close }}>
      <form onSubmit={submit} onKeyDown={preventEnterWhileComposing} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={save.error} />
          <Group grow align="flex-start">
            <TextInput label={t.code} description={t.codeHint} value={code} onChange={(e) => setCode(e.currentTarget.value)} error={fields.code} autoComplete="off" required />
            <TextInput label={t.name} value={name} onChange={(e) => setName(e.currentTarget.value)} error={fields.name} autoComplete="off" required />
          </Group>
          <NativeSelect label={t.kind} value={kind} onChange={(e) => setKind(e.currentTarget.value as Area['kind'])} data={KINDS.map((k) => ({ value: k, label: t.kinds[k] ?? k }))} error={fields.kind} />
          <NativeSelect
            label={t.parent}
            value={parentId}
            onChange={(e) => setParentId(e.currentTarget.value)}
            data={[{ value: '', label: ja.community.none }, ...parents.map((a) => ({ value: a.id, label: a.name }))]}
            error={fields.parentId}
          />
          <NativeSelect
            label={t.agency}
            description={t.agencyHint}
            value={agencyId}
            onChange={(e) => setAgencyId(e.currentTarget.value)}
            data={[{ value: '', label: ja.community.none }, ...(agencies.data ?? []).filter((a) => a.status === 'active' || a.id === agencyId).map((a) => ({ value: a.id, label: a.name }))]}
            error={fields.responsibleAgencyId}
          />
          <NumberInput label={t.sortOrder} value={sortOrder} onChange={setSortOrder} min={0} max={9999} allowDecimal={false} error={fields.sortOrder} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {ja.app.cancel}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
