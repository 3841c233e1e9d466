import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../platform/access/actor.js';
import { ctxOf } from '../platform/http/request-context.js';
import { listRoleSettings, updateRoleSetting } from './manage-role-settings.js';

const Item = z.object({ role: z.enum(ROLES), label: z.string(), requireTotp: z.boolean(), version: z.number().int() });

/** ロール設定 (二要素認証の必須化). */
export const roleSettingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/admin/role-settings',
    { schema: { tags: ['admin'], summary: 'ロール設定', response: { 200: z.object({ items: z.array(Item) }) } } },
    async (req) => ({ items: await listRoleSettings(ctxOf(req)) }),
  );
  app.put(
    '/api/v1/admin/role-settings/:role',
    {
      schema: {
        tags: ['admin'],
        summary: 'ロール設定の保存',
        params: z.object({ role: z.enum(ROLES) }),
        body: z.object({ requireTotp: z.boolean(), version: z.number().int().min(0) }).strict(),
        response: { 200: Item },
      },
    },
    async (req) => updateRoleSetting(ctxOf(req), { role: req.params.role, ...req.body }),
  );
};
