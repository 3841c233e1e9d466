import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Notice } from '../../../components/Notice';
import { PageHeader } from '../../../components/PageHeader';
import { RequireRole } from '../../../components/RequireRole';
import { ja } from '../../../i18n/ja';
import { useFormatDate } from '../../../lib/dates';
import { CONSULTATION_ROLES } from '../api';
import { AnchorLink } from '../AnchorLink';
import { acceptTransfer, caseSaved, type TransferRequest, transferInboxQueryOptions } from './api';
import { DeclineModal } from './DeclineModal';

const k = ja.consultation.cases;

/** 主担当の変更依頼（受信）: requests addressed to the user's agencies; 受理する makes them the lead. */
export function TransferInboxPage() {
  return (
    <RequireRole roles={CONSULTATION_ROLES}>
      <InboxScreen />
    </RequireRole>
  );
}

function InboxScreen() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const fmt = useFormatDate();
  const inbox = useQuery(transferInboxQueryOptions);
  const [declining, setDeclining] = useState<TransferRequest | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const accept = useMutation({
    mutationFn: (request: TransferRequest) => acceptTransfer(request.transferId),
    onMutate: () => setNotice(null),
    onSuccess: (saved) => {
      caseSaved(queryClient, saved);
      void navigate({ to: '/consultation/cases/$id', params: { id: saved.id } });
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: ['case-transfers'] }),
  });

  return (
    <Stack>
      <AnchorLink to="/consultation" size="sm">
        {k.backToConsultation}
      </AnchorLink>
      <PageHeader title={k.inboxHeading} />
      <Notice>{notice}</Notice>
      <ErrorAlert error={inbox.error ?? accept.error} />
      {inbox.isPending && <Loading />}
      {inbox.data && (
        <Table.ScrollContainer minWidth={760}>
          <Table aria-label={k.inboxTable} striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{k.colHousehold}</Table.Th>
                <Table.Th scope="col">{k.colFrom}</Table.Th>
                <Table.Th scope="col">{k.colReason}</Table.Th>
                <Table.Th scope="col">{k.colRequestedAt}</Table.Th>
                <Table.Th scope="col">{k.colActions}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {inbox.data.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Text c="dimmed">{k.inboxEmpty}</Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {inbox.data.map((request) => (
                <Table.Tr key={request.transferId}>
                  <Table.Td>
                    <AnchorLink to="/consultation/cases/$id" params={{ id: request.caseId }}>
                      {request.householdLabel}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{request.fromAgencyName}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{request.reason}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(request.requestedAt)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        onClick={() => accept.mutate(request)}
                        loading={accept.isPending && accept.variables?.transferId === request.transferId}
                        disabled={accept.isPending}
                      >
                        {k.accept}
                      </Button>
                      <Button size="xs" variant="default" onClick={() => setDeclining(request)} disabled={accept.isPending}>
                        {k.decline}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {declining && (
        <DeclineModal
          request={declining}
          onClose={() => setDeclining(null)}
          onDone={() => {
            setDeclining(null);
            setNotice(k.declined);
          }}
        />
      )}
    </Stack>
  );
}
