import { Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { PageHeader } from '../../components/PageHeader';
import { RequireRole } from '../../components/RequireRole';
import { ja } from '../../i18n/ja';
import { AnchorLink } from '../consultation/AnchorLink';
import { createHost, HOST_KEEPER_ROLES, type HostInput, hostQueryKey } from './api';
import { emptyHost, HostForm } from './HostForm';

const t = ja.participation;

/** 協力事業者の候補を登録: the host enters the pipeline as 候補. */
export function HostNewPage() {
  return (
    <RequireRole roles={HOST_KEEPER_ROLES}>
      <HostNewScreen />
    </RequireRole>
  );
}

function HostNewScreen() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: ({ input, note }: { input: HostInput; note: string | null }) => createHost({ ...input, note }),
    onSuccess: (host) => {
      queryClient.setQueryData(hostQueryKey(host.id), host);
      void queryClient.invalidateQueries({ queryKey: ['participation-hosts'] });
      void navigate({ to: '/participation/hosts/$id', params: { id: host.id } });
    },
  });
  return (
    <Stack>
      <AnchorLink to="/participation" size="sm">
        {t.backToHosts}
      </AnchorLink>
      <PageHeader title={t.hostNewHeading} />
      <HostForm initial={emptyHost()} submitLabel={t.hostSave} withNote pending={save.isPending} error={save.error} onSubmit={(input, note) => save.mutate({ input, note })} />
    </Stack>
  );
}
