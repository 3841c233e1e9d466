import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ja } from '../../i18n/ja';
import { verifyAudit } from './api';

const t = ja.audit;

/** 改ざん検査: re-checks the hash chain and seals on the server and reports what it found. */
export function VerifyPanel() {
  const verify = useMutation({ mutationFn: verifyAudit });
  const r = verify.data;
  return (
    <Stack gap="sm">
      <Group>
        <Button variant="light" onClick={() => verify.mutate()} loading={verify.isPending}>
          {t.verify}
        </Button>
      </Group>
      <ErrorAlert error={verify.error} />
      {r && (
        <Alert color={r.ok ? 'teal' : 'red'} variant="light" title={t.verifyResult} role="status">
          <Stack gap={4}>
            <Text size="sm">{ja.text.labelValue(t.sealed, r.sealed)}</Text>
            <Text size="sm">{ja.text.labelValue(t.unsealed, r.unsealed)}</Text>
            {r.problems.length === 0 ? (
              <Text size="sm" fw={500}>
                {t.verifyOk}
              </Text>
            ) : (
              <>
                <Text size="sm" fw={500}>
                  {t.problems}
                </Text>
                <List size="sm" spacing={2}>
                  {r.problems.map((p, i) => (
                    <List.Item key={`${p.kind}-${p.eventId ?? i}`}>
                      {p.message}
                      {p.eventId ? ` ${ja.text.paren(p.eventId)}` : ''}
                    </List.Item>
                  ))}
                </List>
              </>
            )}
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
