import { ActionIcon, Button, Checkbox, Group, Stack, Table, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { RequireRole } from '../../components/RequireRole';
import { ja } from '../../i18n/ja';
import { isApiError } from '../../lib/api';
import { preventEnterWhileComposing } from '../../lib/ime';
import { ADMIN_ROLES } from '../../lib/me';
import { saveTrustStages, type TrustStages, trustStagesQueryOptions } from './api';

const s = ja.outreach.stagesAdmin;
type Row = { key: string; id: string | null; name: string; description: string; retired: boolean };

/** 信頼関係の段階の設定 (市町村管理者): rename, reorder, add, retire; saved as one list. */
export function TrustStagesPage() {
  return (
    <RequireRole roles={ADMIN_ROLES}>
      <Editor />
    </RequireRole>
  );
}

const toRows = (data: TrustStages): Row[] => data.stages.map((st) => ({ key: st.id, id: st.id, name: st.name, description: st.description, retired: st.retired }));

function Editor() {
  const queryClient = useQueryClient();
  const query = useQuery(trustStagesQueryOptions);
  const [rows, setRows] = useState<Row[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    if (query.data) setRows(toRows(query.data));
  }, [query.data]);
  const save = useMutation({
    mutationFn: () => saveTrustStages({ version: query.data?.version ?? 0, stages: rows.map((r) => ({ id: r.id, name: r.name.trim(), description: r.description.trim(), retired: r.retired })) }),
    onSuccess: (data) => {
      queryClient.setQueryData(trustStagesQueryOptions.queryKey, data);
      setNotice(s.saved);
    },
    onError: async (error) => {
      if (isApiError(error, 'conflict')) await queryClient.invalidateQueries({ queryKey: trustStagesQueryOptions.queryKey });
    },
  });
  const update = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const move = (i: number, d: -1 | 1) =>
    setRows((rs) => {
      const next = [...rs];
      const [r] = next.splice(i, 1);
      next.splice(i + d, 0, r!);
      return next;
    });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setNotice(null);
    save.mutate();
  };
  return (
    <Stack maw={900}>
      <PageHeader title={s.heading} description={s.intro} />
      <Notice>{notice}</Notice>
      <ErrorAlert error={query.error} />
      {query.isPending && <Loading />}
      {query.data && (
        <form onSubmit={submit} onKeyDown={preventEnterWhileComposing} noValidate aria-label={s.heading}>
          <Stack>
            <Table aria-label={s.table} verticalSpacing="xs">
              <Table.Tbody>
                {rows.map((r, i) => (
                  <Table.Tr key={r.key}>
                    <Table.Td w={90}>
                      <Group gap={4} wrap="nowrap">
                        <ActionIcon variant="subtle" aria-label={s.up(i + 1)} disabled={i === 0} onClick={() => move(i, -1)}>
                          ↑
                        </ActionIcon>
                        <ActionIcon variant="subtle" aria-label={s.down(i + 1)} disabled={i === rows.length - 1} onClick={() => move(i, 1)}>
                          ↓
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <TextInput aria-label={s.name(i + 1)} value={r.name} onChange={(e) => update(i, { name: e.currentTarget.value })} maxLength={40} />
                    </Table.Td>
                    <Table.Td>
                      <TextInput aria-label={s.description(i + 1)} value={r.description} onChange={(e) => update(i, { description: e.currentTarget.value })} maxLength={200} />
                    </Table.Td>
                    <Table.Td w={110}>
                      <Checkbox label={s.retired} checked={r.retired} onChange={(e) => update(i, { retired: e.currentTarget.checked })} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <ErrorAlert error={save.error} />
            <Group>
              <Button variant="default" onClick={() => setRows((rs) => [...rs, { key: `new-${rs.length}-${Date.now()}`, id: null, name: s.newStage, description: '', retired: false }])}>
                {s.add}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {s.save}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
