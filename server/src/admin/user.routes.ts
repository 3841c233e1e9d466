import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../platform/access/actor.js';
import { ctxOf } from '../platform/http/request-context.js';
import { createUser } from './create-user.js';
import { explainUserAccess } from './explain-user-access.js';
import { listUsers } from './list-users.js';
import { resetUserPassword } from './reset-user-password.js';
import { updateUser } from './update-user.js';

const Role = z.enum(ROLES);
const LoginName = z
  .string()
  .trim()
  .min(3)
  .max(50)
  .regex(/^[a-zA-Z0-9._-]+$/, 'ログイン名は半角英数字と . _ - で入力してください。');
const DisplayName = z.string().trim().min(1).max(100);
const UserItem = z.object({
  id: z.string(),
  loginName: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  agencyIds: z.array(z.string()),
  status: z.enum(['active', 'disabled']),
  totpEnabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  version: z.number().int(),
});
const UserParams = z.object({ id: z.uuid() });

/** 利用者管理 (administrators). */
export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/admin/users',
    { schema: { tags: ['admin'], summary: '利用者一覧', response: { 200: z.object({ items: z.array(UserItem) }) } } },
    async (req) => ({ items: await listUsers(ctxOf(req)) }),
  );

  app.post(
    '/api/v1/admin/users',
    {
      schema: {
        tags: ['admin'],
        summary: '利用者の追加',
        body: z
          .object({
            loginName: LoginName,
            displayName: DisplayName,
            password: z.string().min(1).max(256),
            roles: z.array(Role).min(1).max(ROLES.length),
            agencyIds: z.array(z.uuid()).min(1).max(20),
          })
          .strict(),
        response: { 201: UserItem },
      },
    },
    async (req, reply) => reply.status(201).send(await createUser(ctxOf(req), req.body)),
  );

  app.patch(
    '/api/v1/admin/users/:id',
    {
      schema: {
        tags: ['admin'],
        summary: '利用者の更新',
        params: UserParams,
        body: z
          .object({
            version: z.number().int().min(1),
            displayName: DisplayName.optional(),
            roles: z.array(Role).min(1).max(ROLES.length).optional(),
            agencyIds: z.array(z.uuid()).min(1).max(20).optional(),
            status: z.enum(['active', 'disabled']).optional(),
          })
          .strict(),
        response: { 200: UserItem },
      },
    },
    async (req) => updateUser(ctxOf(req), { userId: req.params.id, ...req.body }),
  );

  app.post(
    '/api/v1/admin/users/:id/password',
    {
      schema: {
        tags: ['admin'],
        summary: 'パスワード再設定',
        params: UserParams,
        body: z.object({ newPassword: z.string().min(1).max(256) }).strict(),
      },
    },
    async (req, reply) => {
      await resetUserPassword(ctxOf(req), { userId: req.params.id, newPassword: req.body.newPassword });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/admin/users/:id/capabilities',
    {
      schema: {
        tags: ['admin'],
        summary: '権限の確認（この利用者が実際に見られるもの・できること）',
        params: UserParams,
        response: {
          200: z.object({
            user: z.object({ id: z.string(), loginName: z.string(), displayName: z.string() }),
            rows: z.array(
              z.object({
                kind: z.string(),
                kindLabel: z.string(),
                relationship: z.string(),
                relationshipLabel: z.string(),
                action: z.string(),
                allowed: z.boolean(),
                label: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => explainUserAccess(ctxOf(req), req.params.id),
  );
};
