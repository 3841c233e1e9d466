import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clearSessionCookie, setSessionCookie } from '../http/auth-hooks.js';
import { anonCtxOf, sessionOf } from '../http/request-context.js';
import { confirmTotpEnrollment, startTotpEnrollment } from './enroll-totp.js';
import { signIn } from './sign-in.js';
import { signOut } from './sign-out.js';
import { csrfTokenFor } from './tokens.js';
import { verifyTotp } from './verify-totp.js';

const STATUS = { active: 'ok', totp_pending: 'totp_required', enrollment_pending: 'totp_enrollment_required' } as const;
const SignInResponse = z.object({
  status: z.enum(['ok', 'totp_required', 'totp_enrollment_required']),
  csrfToken: z.string(),
});
const TotpCode = z.object({ code: z.string().trim().regex(/^\d{6}$/, '6桁の数字を入力してください。') });
const Enrollment = z.object({ secret: z.string(), otpauthUrl: z.string(), qrDataUrl: z.string() });

/** ログイン / 二要素認証 / ログアウト. */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const policy = () => ({
    idleMinutes: app.services.config.sessionIdleMinutes,
    absoluteHours: app.services.config.sessionAbsoluteHours,
  });

  app.post(
    '/api/v1/auth/login',
    {
      config: { auth: 'none' },
      schema: {
        tags: ['auth'],
        summary: 'ログイン',
        body: z.object({ loginName: z.string().trim().min(1).max(100), password: z.string().min(1).max(256) }),
        response: { 200: SignInResponse },
      },
    },
    async (req, reply) => {
      const { token, stage } = await signIn(
        anonCtxOf(req),
        { policy: policy(), homeMunicipalityId: app.services.homeMunicipalityId },
        req.body,
      );
      setSessionCookie(app, reply, token);
      return { status: STATUS[stage], csrfToken: csrfTokenFor(token) };
    },
  );

  app.post(
    '/api/v1/auth/totp',
    { config: { auth: 'partial' }, schema: { tags: ['auth'], summary: '二要素認証の確認コード', body: TotpCode, response: { 200: SignInResponse } } },
    async (req) => {
      await verifyTotp(anonCtxOf(req), sessionOf(req), req.body.code);
      return { status: 'ok' as const, csrfToken: csrfTokenFor(req.sessionToken!) };
    },
  );

  app.post(
    '/api/v1/auth/totp/enroll/start',
    { config: { auth: 'partial' }, schema: { tags: ['auth'], summary: '二要素認証の設定を開始', response: { 200: Enrollment } } },
    async (req) => startTotpEnrollment(anonCtxOf(req), sessionOf(req)),
  );

  app.post(
    '/api/v1/auth/totp/enroll/confirm',
    { config: { auth: 'partial' }, schema: { tags: ['auth'], summary: '二要素認証の設定を確定', body: TotpCode, response: { 200: SignInResponse } } },
    async (req) => {
      await confirmTotpEnrollment(anonCtxOf(req), sessionOf(req), req.body.code);
      return { status: 'ok' as const, csrfToken: csrfTokenFor(req.sessionToken!) };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { config: { auth: 'partial' }, schema: { tags: ['auth'], summary: 'ログアウト' } },
    async (req, reply) => {
      await signOut(anonCtxOf(req), sessionOf(req));
      clearSessionCookie(app, reply);
      return reply.status(204).send();
    },
  );
};
