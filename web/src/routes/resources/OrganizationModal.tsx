import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ja } from '../../i18n/ja';
import { ApiError } from '../../lib/api';
import { preventEnterWhileComposing } from '../../lib/ime';
import { createOrganization, resourcesChanged } from './api';

const r = ja.resources;

/** 提供機関を追加 (HSDS organization), from the service form. */
export function OrganizationModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (org: { id: string; name: string }) => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [phone, setPhone] = useState('');
  const [website, setWebsite] = useState('');
  const save = useMutation({
    mutationFn: () => createOrganization({ name: name.trim(), description: description.trim(), phone: phone.trim() || null, website: website.trim() || null }),
    onSuccess: (org) => {
      resourcesChanged(queryClient);
      setName('');
      setDescription('');
      setPhone('');
      setWebsite('');
      onCreated(org);
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    event.stopPropagation();
    save.mutate();
  }
  return (
    <Modal opened={opened} onClose={onClose} title={r.organizationHeading}>
      <form onSubmit={submit} onKeyDown={preventEnterWhileComposing} noValidate>
        <Stack>
          <TextInput label={r.organizationName} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} required data-autofocus />
          <Textarea label={r.organizationDescription} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={errors.description} autosize />
          <TextInput label={r.phone} value={phone} onChange={(e) => setPhone(e.currentTarget.value)} error={errors.phone} />
          <TextInput label={r.website} value={website} onChange={(e) => setWebsite(e.currentTarget.value)} error={errors.website} />
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {ja.app.cancel}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {r.addOrganizationSubmit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
