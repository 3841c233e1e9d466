import { Button, Group, Modal, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ja } from '../../i18n/ja';
import { ApiError } from '../../lib/api';
import { preventEnterWhileComposing } from '../../lib/ime';
import {
  areasQueryOptions,
  communityChanged,
  createPlace,
  directoryOptionsQueryOptions,
  PLACE_KINDS,
  PLACE_STATUSES,
  type PlaceStatus,
  type PlaceView,
  partnersQueryOptions,
  updatePlace,
} from './api';

const t = ja.community;
const orNull = (s: string) => s.trim() || null;

/** 拠点の登録 (place = null) or 変更 with the version read when the dialog opened. */
export function PlaceFormModal({ place, defaultAreaId, onClose, onDone }: { place: PlaceView | null; defaultAreaId?: string | null; onClose: () => void; onDone: (saved: PlaceView) => void }) {
  const queryClient = useQueryClient();
  const areas = useQuery(areasQueryOptions);
  const partners = useQuery(partnersQueryOptions);
  const directory = useQuery(directoryOptionsQueryOptions);
  const [name, setName] = useState(place?.name ?? '');
  const [kind, setKind] = useState(place?.kind ?? 'salon');
  const [address, setAddress] = useState(place?.address ?? '');
  const [areaId, setAreaId] = useState(place?.areaId ?? defaultAreaId ?? '');
  const [operatorName, setOperatorName] = useState(place?.operatorName ?? '');
  const [operatorPartnerId, setOperatorPartnerId] = useState(place?.operatorPartnerId ?? '');
  const [locationId, setLocationId] = useState(place?.location?.id ?? '');
  const [serviceId, setServiceId] = useState(place?.service?.id ?? '');
  const [openedOn, setOpenedOn] = useState(place?.openedOn ?? '');
  const [closedOn, setClosedOn] = useState(place?.closedOn ?? '');
  const [status, setStatus] = useState<PlaceStatus>(place?.status ?? 'open');
  const [note, setNote] = useState(place?.note ?? '');
  const save = useMutation({
    mutationFn: () => {
      const input = {
        name: name.trim(),
        kind,
        address: orNull(address),
        areaId: areaId || null,
        operatorName: orNull(operatorName),
        operatorPartnerId: operatorPartnerId || null,
        locationId: locationId || null,
        serviceId: serviceId || null,
        openedOn: openedOn || null,
        closedOn: closedOn || null,
        status,
        note: orNull(note),
      };
      return place ? updatePlace(place.id, { ...input, version: place.version }) : createPlace(input);
    },
    onSuccess: (saved) => {
      communityChanged(queryClient);
      onDone(saved);
    },
  });
  const fields = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const none = { value: '', label: t.none };
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate();
  }
  return (
    <Modal opened onClose={onClose} title={place ? t.placeFormEdit : t.placeFormAdd} size="xl" closeButtonProps={{ 'aria-label': ja.app.close }}>
      <form onSubmit={submit} onKeyDown={preventEnterWhileComposing} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={save.error} />
          <TextInput label={t.name} value={name} onChange={(e) => setName(e.currentTarget.value)} error={fields.name} autoComplete="off" required data-autofocus />
          <Group grow align="flex-start">
            <NativeSelect label={t.kind} value={kind} onChange={(e) => setKind(e.currentTarget.value)} data={PLACE_KINDS.map((k) => ({ value: k, label: t.placeKinds[k] ?? k }))} error={fields.kind} />
            <NativeSelect label={t.area} value={areaId} onChange={(e) => setAreaId(e.currentTarget.value)} data={[none, ...(areas.data ?? []).map((a) => ({ value: a.id, label: a.name }))]} error={fields.areaId} />
          </Group>
          <TextInput label={t.address} value={address} onChange={(e) => setAddress(e.currentTarget.value)} error={fields.address} autoComplete="off" />
          <Group grow align="flex-start">
            <NativeSelect
              label={t.operatorPartner}
              value={operatorPartnerId}
              onChange={(e) => setOperatorPartnerId(e.currentTarget.value)}
              data={[none, ...(partners.data ?? []).map((p) => ({ value: p.id, label: p.name }))]}
              error={fields.operatorPartnerId}
            />
            <TextInput label={t.operatorName} value={operatorName} onChange={(e) => setOperatorName(e.currentTarget.value)} error={fields.operatorName} autoComplete="off" />
          </Group>
          <Group grow align="flex-start">
            <TextInput label={t.openedOn} type="date" value={openedOn} onChange={(e) => setOpenedOn(e.currentTarget.value)} error={fields.openedOn} />
            <TextInput label={t.closedOn} type="date" value={closedOn} onChange={(e) => setClosedOn(e.currentTarget.value)} error={fields.closedOn} />
            <NativeSelect label={t.status} value={status} onChange={(e) => setStatus(e.currentTarget.value as PlaceStatus)} data={PLACE_STATUSES.map((s) => ({ value: s, label: t.placeStatuses[s] ?? s }))} error={fields.status} />
          </Group>
          <Text size="xs" c="dimmed">
            {t.directoryHint}
          </Text>
          <Group grow align="flex-start">
            <NativeSelect
              label={t.location}
              value={locationId}
              onChange={(e) => setLocationId(e.currentTarget.value)}
              data={[none, ...(directory.data?.locations ?? []).map((l) => ({ value: l.id, label: l.name }))]}
              error={fields.locationId}
            />
            <NativeSelect
              label={t.service}
              value={serviceId}
              onChange={(e) => setServiceId(e.currentTarget.value)}
              data={[none, ...(directory.data?.services ?? []).map((s) => ({ value: s.id, label: `${s.name}${ja.text.paren(s.organizationName)}` }))]}
              error={fields.serviceId}
            />
          </Group>
          <Textarea label={t.note} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={fields.note} autosize minRows={2} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {ja.app.cancel}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {place ? t.update : t.register}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
