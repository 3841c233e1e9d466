import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ja } from '../../../i18n/ja';
import { isApiError } from '../../../lib/api';
import { type CaseView, caseQueryKey, caseSaved } from './api';

const k = ja.consultation.cases;

/**
 * A change to a case that sends the version it read. On success the page shows the new case;
 * on 409 (someone changed it first) the case is reloaded and the server's message stays on screen.
 */
export function useCaseAction<T>(kase: CaseView, action: (input: T) => Promise<CaseView>, onSaved: (saved: CaseView) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: action,
    onSuccess: (saved) => {
      caseSaved(queryClient, saved);
      onSaved(saved);
    },
    onError: async (error) => {
      if (isApiError(error, 'conflict')) await queryClient.invalidateQueries({ queryKey: caseQueryKey(kase.id) });
    },
  });
}

/** Title for an action's error: the reload note on a conflict. */
export const conflictTitle = (error: unknown) => (isApiError(error, 'conflict') ? k.conflictReloaded : undefined);
