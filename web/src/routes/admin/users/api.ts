import { queryOptions } from '@tanstack/react-query';
import { ja } from '../../../i18n/ja';
import { api } from '../../../lib/api';
import { ROLES, type Role } from '../../../lib/me';

export interface AdminUser {
  id: string;
  loginName: string;
  displayName: string;
  roles: Role[];
  agencyIds: string[];
  status: 'active' | 'disabled';
  totpEnabled: boolean;
  lockedUntil: string | null;
  version: number;
}

export const usersQueryKey = ['admin', 'users'] as const;

export const usersQueryOptions = queryOptions({
  queryKey: usersQueryKey,
  queryFn: ({ signal }) => api.get<{ items: AdminUser[] }>('/admin/users', undefined, signal),
  select: (data) => data.items,
});

export interface CreateUserInput {
  loginName: string;
  displayName: string;
  password: string;
  roles: Role[];
  agencyIds: string[];
}

export interface UpdateUserInput {
  version: number;
  displayName?: string;
  roles?: Role[];
  agencyIds?: string[];
  status?: AdminUser['status'];
}

export const createUser = (input: CreateUserInput) => api.post<AdminUser>('/admin/users', input);
export const updateUser = (id: string, input: UpdateUserInput) =>
  api.patch<AdminUser>(`/admin/users/${encodeURIComponent(id)}`, input);
export const resetUserPassword = (id: string, newPassword: string) =>
  api.post<void>(`/admin/users/${encodeURIComponent(id)}/password`, { newPassword });

export const roleOptions = ROLES.map((r) => ({ value: r, label: ja.roles[r] }));

export function toRoles(values: string[]): Role[] {
  return values.filter((v): v is Role => (ROLES as readonly string[]).includes(v));
}
