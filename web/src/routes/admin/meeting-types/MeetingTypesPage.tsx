import { Button, Checkbox, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Notice } from '../../../components/Notice';
import { PageHeader } from '../../../components/PageHeader';
import { RequireRole } from '../../../components/RequireRole';
import { ja } from '../../../i18n/ja';
import { ApiError } from '../../../lib/api';
import { preventEnterWhileComposing } from '../../../lib/ime';
import { ADMIN_ROLES } from '../../../lib/me';
import { copyMeetingType, type MeetingType, meetingTypesQueryOptions } from '../../collaboration/meetings/api';

const t = ja.meetings.types;

/** 会議種別 (管理): legal basis, convener, consent rule and closure of each type; copy one to make a new type. */
export function MeetingTypesPage() {
  const types = useQuery(meetingTypesQueryOptions(true));
  const [copying, setCopying] = useState<MeetingType | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <RequireRole roles={ADMIN_ROLES}>
      <Stack>
        <PageHeader title={t.heading} description={t.intro} />
        <Notice>{notice}</Notice>
        <ErrorAlert error={types.error} />
        {types.isPending && <Loading />}
        {types.data && (
          <Table.ScrollContainer minWidth={900}>
            <Table aria-label={t.tableLabel} striped verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t.colName}</Table.Th>
                  <Table.Th scope="col">{t.colCode}</Table.Th>
                  <Table.Th scope="col">{t.colLegalBasis}</Table.Th>
                  <Table.Th scope="col">{t.colConvenedBy}</Table.Th>
                  <Table.Th scope="col">{t.colConsent}</Table.Th>
                  <Table.Th scope="col">{t.colClosed}</Table.Th>
                  <Table.Th scope="col">{t.colMembers}</Table.Th>
                  <Table.Th scope="col" />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {types.data.map((type) => (
                  <Table.Tr key={type.id}>
                    <Table.Td>{type.name}</Table.Td>
                    <Table.Td>{type.code}</Table.Td>
                    <Table.Td>{type.legalBasis}</Table.Td>
                    <Table.Td>{type.convenedBy}</Table.Td>
                    <Table.Td>{type.consentRequired ? t.required : t.notRequired}</Table.Td>
                    <Table.Td>{type.closedToPublic ? ja.meetings.closedToPublic : ja.meetings.openToPublic}</Table.Td>
                    <Table.Td>{type.memberAgencyIds.length}</Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="default" onClick={() => setCopying(type)} aria-label={`${type.name}を${t.copy}`}>
                        {t.copy}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {copying && (
          <CopyModal
            source={copying}
            onClose={() => setCopying(null)}
            onCreated={(created) => {
              setCopying(null);
              setNotice(t.created(created.name));
            }}
          />
        )}
      </Stack>
    </RequireRole>
  );
}

function CopyModal({ source, onClose, onCreated }: { source: MeetingType; onClose: () => void; onCreated: (created: MeetingType) => void }) {
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [legalBasis, setLegalBasis] = useState('');
  const [convenedBy, setConvenedBy] = useState(source.convenedBy);
  const [consentRequired, setConsentRequired] = useState(source.consentRequired);
  const create = useMutation({
    mutationFn: () => copyMeetingType(source.id, { code: code.trim(), name: name.trim(), legalBasis: legalBasis.trim(), convenedBy: convenedBy.trim(), consentRequired }),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: ['meeting-types'] });
      onCreated(created);
    },
  });
  const fields = create.error instanceof ApiError ? create.error.fieldErrors() : {};
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate();
  }
  return (
    <Modal opened onClose={onClose} title={t.copyHeading(source.name)} size="lg">
      <form onSubmit={submit} onKeyDown={preventEnterWhileComposing} noValidate>
        <Stack>
          <ErrorAlert error={create.error} />
          <TextInput label={t.code} value={code} onChange={(e) => setCode(e.currentTarget.value)} error={fields.code} required />
          <TextInput label={t.name} value={name} onChange={(e) => setName(e.currentTarget.value)} error={fields.name} required />
          <TextInput label={t.legalBasis} value={legalBasis} onChange={(e) => setLegalBasis(e.currentTarget.value)} error={fields.legalBasis} required />
          <TextInput label={t.convenedBy} value={convenedBy} onChange={(e) => setConvenedBy(e.currentTarget.value)} error={fields.convenedBy} />
          <Checkbox label={t.consentRequiredLabel} checked={consentRequired} onChange={(e) => setConsentRequired(e.currentTarget.checked)} />
          <Text size="xs" c="dimmed">
            {ja.meetings.consentNotRequired}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {ja.app.cancel}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t.create}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
