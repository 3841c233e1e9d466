import type { ReactNode } from 'react';
import { Alert } from '@mantine/core';
import { ja } from '../i18n/ja';
import { hasAnyRole, type Role, useMe } from '../lib/me';

/** Renders children only for the given roles. The menu hides these pages too; the server decides. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const me = useMe();
  if (!hasAnyRole(me, roles)) {
    return (
      <Alert color="yellow" role="alert">
        {ja.app.forbiddenPage}
      </Alert>
    );
  }
  return <>{children}</>;
}
