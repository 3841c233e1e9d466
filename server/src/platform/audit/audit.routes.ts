import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../http/request-context.js';
import { checkAuditChain } from './check-audit-chain.js';
import { searchAudit } from './search-audit.js';

const DateStr = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日付は YYYY-MM-DD で入力してください。');
const Problem = z.object({ kind: z.string(), eventId: z.string().nullable(), message: z.string() });

/** 監査ログ: search and tamper check (auditors). */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/audit/events',
    {
      schema: {
        tags: ['audit'],
        summary: '監査ログの検索',
        querystring: z.object({
          actor: z.string().trim().max(100).optional(),
          action: z.string().trim().max(100).optional(),
          targetId: z.string().trim().max(100).optional(),
          outcome: z.enum(['success', 'failure', 'denied']).optional(),
          from: DateStr.optional(),
          to: DateStr.optional(),
          cursor: z.string().max(200).optional(),
          limit: z.coerce.number().int().min(1).max(200).optional(),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                occurredAt: z.string(),
                actorLogin: z.string().nullable(),
                action: z.string(),
                outcome: z.enum(['success', 'failure', 'denied']),
                targetType: z.string().nullable(),
                targetId: z.string().nullable(),
                basis: z.string().nullable(),
                clientAddr: z.string().nullable(),
                requestId: z.string().nullable(),
              }),
            ),
            nextCursor: z.string().nullable(),
          }),
        },
      },
    },
    async (req) => searchAudit(ctxOf(req), req.query),
  );

  app.post(
    '/api/v1/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: '監査ログの改ざん検査',
        response: {
          200: z.object({ sealed: z.number(), unsealed: z.number(), ok: z.boolean(), problems: z.array(Problem), warnings: z.array(Problem) }),
        },
      },
    },
    async (req) => checkAuditChain(ctxOf(req)),
  );
};
