import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../platform/http/request-context.js';
import { publishQuestionSet } from './publish-question-set.js';
import { AnswersShape, CODE_PATTERN, DefinitionShape, QuestionSetDefinition } from './question-set.schema.js';
import { saveAssessment } from './save-assessment.js';
import { viewAssessment } from './view-assessment.js';
import { listQuestionSets, viewQuestionSet } from './view-question-sets.js';

const tags = ['consultation'];
const Code = z.string().regex(CODE_PATTERN);
const QuestionSetView = z.object({ id: z.string(), code: z.string(), version: z.number().int(), title: z.string(), definition: DefinitionShape, publishedAt: z.string() });
const AssessmentPayload = z.object({
  assessment: z
    .object({
      id: z.string(),
      assessedOn: z.string(),
      answers: AnswersShape,
      version: z.number().int(),
      questionSet: z.object({ code: z.string(), version: z.number().int(), title: z.string(), definition: DefinitionShape }),
      latestVersion: z.number().int(),
      authorAgencyName: z.string(),
      authorName: z.string(),
      updatedAt: z.string(),
    })
    .nullable(),
  latestQuestionSet: QuestionSetView.nullable(),
});
const ConsultationParams = z.object({ id: z.uuid() });

/** インテーク・アセスメント and its versioned, municipally configured question sets. */
export const assessmentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/assessment-question-sets',
    {
      schema: {
        tags,
        summary: 'アセスメント質問票の一覧（版の履歴つき）',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                code: z.string(),
                title: z.string(),
                latestVersion: z.number().int(),
                versions: z.array(z.object({ version: z.number().int(), title: z.string(), publishedAt: z.string(), publishedBy: z.string() })),
              }),
            ),
          }),
        },
      },
    },
    async (req) => listQuestionSets(ctxOf(req)),
  );

  app.get(
    '/api/v1/assessment-question-sets/:code/latest',
    { schema: { tags, summary: 'アセスメント質問票（最新版）', params: z.object({ code: Code }), response: { 200: QuestionSetView } } },
    async (req) => viewQuestionSet(ctxOf(req), req.params.code, 'latest'),
  );

  app.get(
    '/api/v1/assessment-question-sets/:code/versions/:version',
    {
      schema: { tags, summary: 'アセスメント質問票（版を指定）', params: z.object({ code: Code, version: z.coerce.number().int().min(1).max(100_000) }), response: { 200: QuestionSetView } },
    },
    async (req) => viewQuestionSet(ctxOf(req), req.params.code, req.params.version),
  );

  app.post(
    '/api/v1/assessment-question-sets/:code/versions',
    {
      schema: {
        tags,
        summary: '新しい版として公開',
        params: z.object({ code: Code }),
        body: z.object({ title: z.string().trim().min(1).max(200), definition: QuestionSetDefinition, basedOnVersion: z.number().int().min(0) }).strict(),
        response: { 201: QuestionSetView },
      },
    },
    async (req, reply) => reply.status(201).send(await publishQuestionSet(ctxOf(req), req.params.code, req.body)),
  );

  app.get(
    '/api/v1/consultations/:id/assessment',
    { schema: { tags, summary: 'インテーク・アセスメント', params: ConsultationParams, response: { 200: AssessmentPayload } } },
    async (req) => viewAssessment(ctxOf(req), req.params.id),
  );

  app.put(
    '/api/v1/consultations/:id/assessment',
    {
      schema: {
        tags,
        summary: 'アセスメントを保存',
        params: ConsultationParams,
        body: z
          .object({
            assessedOn: z.string().trim().min(1).max(40),
            // Checked against the pinned version's definition in the use case, so messages name the question.
            answers: z.record(z.string().max(60), z.unknown()),
            version: z.number().int().min(1).nullish(),
            upgradeToLatest: z.boolean().optional(),
          })
          .strict(),
        response: { 200: AssessmentPayload },
      },
    },
    async (req) => saveAssessment(ctxOf(req), req.params.id, req.body),
  );
};
