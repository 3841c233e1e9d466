import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changePassword } from '../platform/auth/change-password.js';
import { csrfTokenFor } from '../platform/auth/tokens.js';
import { setSessionCookie } from '../platform/http/auth-hooks.js';
import { ctxOf } from '../platform/http/request-context.js';
import { disableTotp } from './disable-totp.js';
import { getMe } from './get-me.js';
import { updatePreferences } from './update-preferences.js';

const DateStyle = z.enum(['wareki', 'seireki']);
const MeResponse = z.object({
  user: z.object({
    id: z.string(),
    loginName: z.string(),
    displayName: z.string(),
    roles: z.array(z.string()),
    dateStyle: DateStyle,
    totpEnabled: z.boolean(),
    totpRequired: z.boolean(),
  }),
  municipality: z.object({ id: z.string(), name: z.string(), prefectureName: z.string() }),
  agencies: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
  csrfToken: z.string(),
});

/** The signed-in user's own account: 個人設定. */
export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/v1/me', { schema: { tags: ['account'], summary: 'ログイン中の利用者', response: { 200: MeResponse } } }, async (req) => ({
    ...(await getMe(ctxOf(req))),
    csrfToken: csrfTokenFor(req.sessionToken!),
  }));

  app.patch(
    '/api/v1/me/preferences',
    { schema: { tags: ['account'], summary: '個人設定の保存', body: z.object({ dateStyle: DateStyle }).strict(), response: { 200: MeResponse } } },
    async (req) => {
      const ctx = ctxOf(req);
      await updatePreferences(ctx, req.body);
      return { ...(await getMe(ctx)), csrfToken: csrfTokenFor(req.sessionToken!) };
    },
  );

  app.post(
    '/api/v1/me/password',
    {
      schema: {
        tags: ['account'],
        summary: 'パスワード変更（他の端末はすべてログアウト）',
        body: z.object({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(1).max(256) }).strict(),
        response: { 200: z.object({ csrfToken: z.string() }) },
      },
    },
    async (req, reply) => {
      const policy = { idleMinutes: app.services.config.sessionIdleMinutes, absoluteHours: app.services.config.sessionAbsoluteHours };
      const { token } = await changePassword(ctxOf(req), policy, req.body);
      setSessionCookie(app, reply, token);
      return { csrfToken: csrfTokenFor(token) };
    },
  );

  app.post(
    '/api/v1/me/totp/disable',
    { schema: { tags: ['account'], summary: '二要素認証の解除', body: z.object({ currentPassword: z.string().min(1).max(256) }).strict() } },
    async (req, reply) => {
      await disableTotp(ctxOf(req), req.body.currentPassword);
      return reply.status(204).send();
    },
  );
};
