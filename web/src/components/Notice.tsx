import type { ReactNode } from 'react';
import { Alert } from '@mantine/core';

/** A success message, announced politely (role="status"). */
export function Notice({ children }: { children?: ReactNode }) {
  if (!children) return null;
  return (
    <Alert color="teal" variant="light" role="status">
      {children}
    </Alert>
  );
}
