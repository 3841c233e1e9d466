import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ja } from '../../../i18n/ja';
import type { Agency, AgencyKind } from '../../../lib/agencies';
import { ApiError, api, isApiError } from '../../../lib/api';

const a = ja.agencies;
const statusOptions = [
  { value: 'active', label: ja.status.agencyActive },
  { value: 'closed', label: ja.status.agencyClosed },
];

/** Add an agency (agency = null) or edit one, sending the version read when the dialog opened. */
export function AgencyFormModal({
  agency,
  kinds,
  onClose,
  onDone,
}: {
  agency: Agency | null;
  kinds: AgencyKind[];
  onClose: () => void;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const [version] = useState(agency?.version ?? 0);
  const [name, setName] = useState(agency?.name ?? '');
  const [kind, setKind] = useState<string | null>(agency?.kind ?? null);
  const [area, setArea] = useState(agency?.area ?? '');
  const [status, setStatus] = useState<Agency['status']>(agency?.status ?? 'active');
  const save = useMutation({
    mutationFn: () => {
      const trimmedArea = area.trim();
      if (!agency) {
        return api.post<Agency>('/admin/agencies', {
          name: name.trim(),
          kind,
          ...(trimmedArea ? { area: trimmedArea } : {}),
        });
      }
      return api.patch<Agency>(`/admin/agencies/${encodeURIComponent(agency.id)}`, {
        version,
        name: name.trim(),
        kind,
        area: trimmedArea || null,
        status,
      });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['agencies'] });
      onDone();
    },
    onError: (error) => {
      if (isApiError(error, 'conflict')) void queryClient.invalidateQueries({ queryKey: ['agencies'] });
    },
  });
  const fields = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const kindOptions = kinds.map((k) => ({ value: k.code, label: k.label }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={agency ? ja.text.labelValue(a.editTitle, agency.name) : a.addTitle}
      size="lg"
      closeButtonProps={{ 'aria-label': ja.app.close }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={a.name}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            autoComplete="off"
            error={fields.name}
            required
          />
          <Select
            label={a.kind}
            data={kindOptions}
            value={kind}
            onChange={setKind}
            allowDeselect={false}
            error={fields.kind}
            comboboxProps={{ withinPortal: false }}
            required
          />
          <TextInput
            label={a.area}
            value={area}
            onChange={(e) => setArea(e.currentTarget.value)}
            autoComplete="off"
            error={fields.area}
          />
          {agency && (
            <Select
              label={a.status}
              data={statusOptions}
              value={status}
              onChange={(v) => setStatus(v === 'closed' ? 'closed' : 'active')}
              allowDeselect={false}
              error={fields.status}
              comboboxProps={{ withinPortal: false }}
            />
          )}
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {ja.app.cancel}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {agency ? a.update : a.register}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
