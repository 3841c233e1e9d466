import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../lib/api';
import { type LeadView, leadQueryKey } from './api';

/**
 * A change to a lead: the answer (the lead as it is now) replaces the cached lead, lists refresh,
 * and a conflict (someone else saved first) reloads the lead so the worker sees the latest.
 */
export function useLeadAction<V>(lead: LeadView, run: (vars: V) => Promise<LeadView>, onDone?: (next: LeadView) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async (next) => {
      queryClient.setQueryData(leadQueryKey(lead.id), next);
      await queryClient.invalidateQueries({ queryKey: ['outreach', 'leads'] });
      await queryClient.invalidateQueries({ queryKey: ['outreach', 'lapses'] });
      onDone?.(next);
    },
    onError: async (error) => {
      if (isApiError(error, 'conflict')) await queryClient.invalidateQueries({ queryKey: leadQueryKey(lead.id) });
    },
  });
}
