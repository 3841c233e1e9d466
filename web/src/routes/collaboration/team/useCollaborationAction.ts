import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ja } from '../../../i18n/ja';
import { ApiError } from '../../../lib/api';
import { collaborationChanged } from './api';

const c = ja.collaboration;

const isConflict = (error: unknown) => error instanceof ApiError && error.status === 409;

/**
 * A change to the team or to an involvement of one case. Afterwards — and on a 409 (someone changed
 * it first, or it is already there) — the team, the episodes and the case are reloaded; the server's
 * message stays on screen.
 */
export function useCollaborationAction<T, R>(caseId: string, action: (input: T) => Promise<R>, onSaved: (saved: R) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: action,
    onSuccess: async (saved) => {
      onSaved(saved);
      await collaborationChanged(queryClient, caseId);
    },
    onError: async (error) => {
      if (isConflict(error)) await collaborationChanged(queryClient, caseId);
    },
  });
}

/** Title for an action's error: the reload note on a 409. */
export const conflictTitle = (error: unknown) => (isConflict(error) ? c.conflictReloaded : undefined);
