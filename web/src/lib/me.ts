/** The signed-in user (GET /api/v1/me) and helpers that read it. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './api';

export const ROLES = [
  'system_admin',
  'municipal_admin',
  'coordinator',
  'caseworker',
  'outreach_worker',
  'community_volunteer',
  'prefecture_analyst',
  'auditor',
] as const;

export type Role = (typeof ROLES)[number];
export type DateStyle = 'wareki' | 'seireki';

export interface Me {
  user: {
    id: string;
    loginName: string;
    displayName: string;
    roles: Role[];
    dateStyle: DateStyle;
    totpEnabled: boolean;
    totpRequired: boolean;
  };
  municipality: { id: string; name: string; prefectureName: string };
  agencies: Array<{ id: string; name: string; kind: string }>;
  csrfToken: string;
}

export const meQueryKey = ['me'] as const;

export const meQueryOptions = queryOptions({
  queryKey: meQueryKey,
  queryFn: ({ signal }) => api.get<Me>('/me', undefined, signal),
  staleTime: 60_000,
});

/** The signed-in user. Only used under the signed-in layout, which loads `me` before rendering. */
export function useMe(): Me {
  const { data } = useQuery(meQueryOptions);
  if (!data) throw new Error('useMe() used outside the signed-in layout');
  return data;
}

export function hasAnyRole(me: Pick<Me, 'user'> | undefined, roles: readonly Role[]): boolean {
  return !!me && me.user.roles.some((r) => roles.includes(r));
}

export const ADMIN_ROLES: readonly Role[] = ['municipal_admin', 'system_admin'];
export const AUDIT_ROLES: readonly Role[] = ['auditor'];
