/** オンライン相談の設定 on the server (staff API, signed in). */
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api';

export interface PublicIntakeSetting {
  enabled: boolean;
  designatedAgencyId: string | null;
  designatedAgencyName: string | null;
  version: number;
  agencies: { id: string; name: string; kind: string }[];
}

export const publicIntakeSettingKey = ['admin', 'public-intake-setting'] as const;

export const publicIntakeSettingQueryOptions = queryOptions({
  queryKey: publicIntakeSettingKey,
  queryFn: ({ signal }) => api.get<PublicIntakeSetting>('/admin/public-intake-setting', undefined, signal),
});

export function savePublicIntakeSetting(input: { enabled: boolean; designatedAgencyId: string; version: number }) {
  return api.put<PublicIntakeSetting>('/admin/public-intake-setting', input);
}
