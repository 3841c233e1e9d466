import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, json, startTestApp, type TestApp } from '../../../test/test-app.js';
import { setupMunicipality } from '../../admin/setup-municipality.js';
import { DEFAULT_DEFINITION } from './default-question-set.js';
import type { Definition } from './question-set.schema.js';

type QuestionSet = { id: string; code: string; version: number; title: string; definition: Definition; publishedAt: string };
type Payload = {
  assessment: null | {
    id: string;
    assessedOn: string;
    answers: Record<string, unknown>;
    version: number;
    questionSet: { code: string; version: number; title: string; definition: Definition };
    latestVersion: number;
    authorAgencyName: string;
    authorName: string;
  };
  latestQuestionSet: QuestionSet | null;
};
type ErrorBody = { error: { code: string; message: string } };

let t: TestApp;
let houkatsu: Client;
let admin: Client;
let consultationId: string;

async function takeConsultation(by: Client, body: Record<string, unknown> = {}) {
  const res = await by.post('/api/v1/consultations', { route: 'visit', visitor: { kind: 'self' }, summary: '仕事を失い家賃が払えない', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return json<{ id: string; version: number }>(res);
}
const url = (id: string) => `/api/v1/consultations/${id}/assessment`;
const answersInDb = async (id: string) =>
  (await t.database.db.selectFrom('assessment').select(['answers', 'version']).where('consultation_id', '=', id).executeTakeFirst()) ?? null;

/** Version 2 of the standard set: a question removed, a question added, a label changed. */
function versionTwo(): Definition {
  const def = structuredClone(DEFAULT_DEFINITION);
  const daily = def.sections.find((s) => s.code === 'daily_life')!;
  daily.questions = daily.questions.filter((q) => q.code !== 'school_refusal');
  daily.questions.push({ code: 'no_phone', label: '連絡手段（電話）がない', type: 'check', nationalReport: false });
  def.sections[0]!.questions[0]!.label = '現在の就労状況';
  return def;
}

beforeAll(async () => {
  t = await startTestApp();
  houkatsu = await t.signIn('houkatsu1');
  admin = await t.signIn('admin');
  consultationId = (await takeConsultation(houkatsu)).id;
});
afterAll(async () => {
  await t?.close();
});

describe('インテーク・アセスメント', () => {
  it('ships the standard question set as version 1 (demo seed and municipal setup)', async () => {
    const list = json<{ items: Array<{ code: string; title: string; latestVersion: number; versions: Array<{ version: number; publishedBy: string }> }> }>(
      await admin.get('/api/v1/assessment-question-sets'),
    );
    expect(list.items).toEqual([expect.objectContaining({ code: 'intake', title: 'インテーク・アセスメントシート（標準）', latestVersion: 1 })]);
    expect(list.items[0]!.versions).toEqual([expect.objectContaining({ version: 1, publishedBy: '福祉 太郎' })]);
    const latest = json<QuestionSet>(await admin.get('/api/v1/assessment-question-sets/intake/latest'));
    expect(latest.definition.sections.map((s) => s.title)).toContain('日常生活');
    expect(json<QuestionSet>(await admin.get('/api/v1/assessment-question-sets/intake/versions/1')).id).toBe(latest.id);
    expect((await admin.get('/api/v1/assessment-question-sets/intake/versions/9')).statusCode).toBe(404);

    const { municipalityId } = await setupMunicipality(t.database.db, {
      code: '999001',
      name: 'テスト町',
      prefectureCode: '99',
      prefectureName: 'テスト県',
      population: 1000,
      adminLogin: 'setup-admin-assessment',
      adminName: '設定 管理',
      adminPassword: 'a-long-setup-password-2026!',
    });
    const sets = await t.database.db.selectFrom('assessment_question_set').select(['code', 'version']).where('municipality_id', '=', municipalityId).execute();
    expect(sets).toEqual([{ code: 'intake', version: 1 }]);
  });

  it('documents the routes in the OpenAPI description', async () => {
    const doc = json<{ paths: Record<string, unknown> }>(await t.app.inject({ method: 'GET', url: '/api/openapi.json' }));
    for (const path of ['/api/v1/assessment-question-sets', '/api/v1/assessment-question-sets/{code}/versions', '/api/v1/consultations/{id}/assessment']) expect(Object.keys(doc.paths)).toContain(path);
  });

  it('saves and reads an assessment against the latest version, with the author', async () => {
    const empty = json<Payload>(await houkatsu.get(url(consultationId)));
    expect(empty.assessment).toBeNull();
    expect(empty.latestQuestionSet?.version).toBe(1);
    const res = await houkatsu.put(url(consultationId), {
      assessedOn: '令和8年11月20日',
      answers: { employment_status: 'unemployed', out_of_work_over_year: true, arrears: ['rent', 'utilities'], school_refusal: true, health_note: '腰痛で通院', housing_type: '' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const read = json<Payload>(await houkatsu.get(url(consultationId)));
    expect(read.assessment).toMatchObject({
      assessedOn: '2026-11-20',
      answers: { employment_status: 'unemployed', out_of_work_over_year: true, arrears: ['rent', 'utilities'], school_refusal: true, health_note: '腰痛で通院' },
      version: 1,
      questionSet: { code: 'intake', version: 1 },
      latestVersion: 1,
      authorName: '東 包括',
    });
    expect(read.assessment!.authorAgencyName).toMatch(/包括/);
  });

  it('keeps version 1 after an administrator publishes version 2, and upgrading re-validates the answers', async () => {
    const published = await admin.post('/api/v1/assessment-question-sets/intake/versions', { title: 'インテーク・アセスメントシート（令和9年度）', definition: versionTwo(), basedOnVersion: 1 });
    expect(published.statusCode, published.body).toBe(201);
    expect(json<QuestionSet>(published).version).toBe(2);

    const read = json<Payload>(await houkatsu.get(url(consultationId)));
    expect(read.assessment!.questionSet.version).toBe(1);
    expect(read.assessment!.latestVersion).toBe(2);
    expect(read.latestQuestionSet!.version).toBe(2);
    // The UI payload still carries version 1's own wording and questions.
    const v1 = read.assessment!.questionSet.definition;
    expect(v1.sections[0]!.questions[0]!.label).toBe('就労状況');
    expect(v1.sections.flatMap((s) => s.questions.map((q) => q.code))).toContain('school_refusal');

    // An ordinary re-save keeps the pinned version.
    const kept = await houkatsu.put(url(consultationId), { assessedOn: '2026-11-21', answers: { ...read.assessment!.answers, debt: true }, version: 1 });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(json<Payload>(kept).assessment).toMatchObject({ version: 2, questionSet: { version: 1 } });

    // Upgrading checks the answers against version 2: a removed question is refused, naming it.
    const stillOld = await houkatsu.put(url(consultationId), { assessedOn: '2026-11-21', answers: { school_refusal: true }, version: 2, upgradeToLatest: true });
    expect(stillOld.statusCode).toBe(400);
    expect(json<ErrorBody>(stillOld).error.message).toMatch(/school_refusal/);
    expect((await answersInDb(consultationId))!.version).toBe(2);

    const upgraded = await houkatsu.put(url(consultationId), { assessedOn: '2026-11-21', answers: { employment_status: 'job_seeking', no_phone: true }, version: 2, upgradeToLatest: true });
    expect(upgraded.statusCode, upgraded.body).toBe(200);
    expect(json<Payload>(upgraded).assessment).toMatchObject({ version: 3, questionSet: { version: 2 }, latestVersion: 2, answers: { employment_status: 'job_seeking', no_phone: true } });
  });

  it('refuses invalid answers with a Japanese message naming the question, and saves nothing', async () => {
    const c = await takeConsultation(houkatsu);
    const unknown = await houkatsu.put(url(c.id), { assessedOn: '2026-11-20', answers: { favourite_colour: 'blue' } });
    expect(unknown.statusCode).toBe(400);
    expect(json<ErrorBody>(unknown).error).toMatchObject({ code: 'invalid', message: expect.stringMatching(/質問票にない項目/) });
    const wrongType = await houkatsu.put(url(c.id), { assessedOn: '2026-11-20', answers: { rent_arrears: 'はい' } });
    expect(json<ErrorBody>(wrongType).error.message).toBe('「家賃滞納」の回答は「はい／いいえ」（チェック）で指定してください。');
    const badOption = await houkatsu.put(url(c.id), { assessedOn: '2026-11-20', answers: { health_insurance: 'private' } });
    expect(json<ErrorBody>(badOption).error.message).toMatch(/「加入状況」に選択肢にない回答/);
    const badDate = await houkatsu.put(url(c.id), { assessedOn: '2月30日', answers: {} });
    expect(badDate.statusCode).toBe(400);
    expect(await answersInDb(c.id)).toBeNull();
  });

  it('refuses a stale version with conflict', async () => {
    const c = await takeConsultation(houkatsu);
    expect((await houkatsu.put(url(c.id), { assessedOn: '2026-11-20', answers: { debt: true } })).statusCode).toBe(200);
    // A second "first save" from another screen, and an update from a stale screen.
    expect((await houkatsu.put(url(c.id), { assessedOn: '2026-11-20', answers: { debt: false } })).statusCode).toBe(409);
    expect((await houkatsu.put(url(c.id), { assessedOn: '2026-11-20', answers: {}, version: 1 })).statusCode).toBe(200);
    const stale = await houkatsu.put(url(c.id), { assessedOn: '2026-11-20', answers: { debt: false }, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(json<ErrorBody>(stale).error.code).toBe('conflict');
    expect(await answersInDb(c.id)).toEqual({ answers: {}, version: 2 });
  });

  it('lets only the 市町村管理者 publish, from the latest version, a well-formed definition', async () => {
    const before = (await admin.get('/api/v1/assessment-question-sets/intake/latest').then((r) => json<QuestionSet>(r))).version;
    const body = { title: '改定', definition: versionTwo(), basedOnVersion: before };
    for (const login of ['houkatsu1', 'coordinator', 'auditor']) {
      const c = await t.signIn(login);
      const res = await c.post('/api/v1/assessment-question-sets/intake/versions', body);
      expect(res.statusCode, login).toBe(403);
      expect(json<ErrorBody>(res).error.code).toBe('forbidden');
    }
    expect((await houkatsu.get('/api/v1/assessment-question-sets')).statusCode).toBe(403);
    expect((await admin.post('/api/v1/assessment-question-sets/intake/versions', { ...body, basedOnVersion: before - 1 })).statusCode).toBe(409);
    const noOptions = versionTwo();
    noOptions.sections[0]!.questions[0]!.options = [];
    const invalid = await admin.post('/api/v1/assessment-question-sets/intake/versions', { ...body, definition: noOptions });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toMatch(/選択肢を2つ以上/);
    const after = json<QuestionSet>(await admin.get('/api/v1/assessment-question-sets/intake/latest'));
    expect(after.version).toBe(before);
    const denied = await t.database.db.selectFrom('audit_event').select('action').where('actor_login', '=', 'houkatsu1').where('outcome', '=', 'denied').where('target_type', '=', 'municipal_config').execute();
    expect(denied.length).toBeGreaterThan(0);
  });

  it('WHO MUST NOT SEE: an unrelated agency gets 404; consent lets another agency read but not write', async () => {
    const c = await takeConsultation(houkatsu);
    expect((await houkatsu.put(url(c.id), { assessedOn: '2026-11-20', answers: { debt: true } })).statusCode).toBe(200);
    for (const login of ['kodomo', 'jiritsu', 'admin']) {
      const other = await t.signIn(login);
      expect((await other.get(url(c.id))).statusCode, login).toBe(404);
      expect((await other.put(url(c.id), { assessedOn: '2026-11-20', answers: { debt: false }, version: 1 })).statusCode, login).toBe(404);
    }
    for (const login of ['minsei1', 'sysadmin', 'pref', 'auditor']) {
      expect((await (await t.signIn(login)).get(url(c.id))).statusCode, login).toBe(404);
    }
    const jiritsu = await t.signIn('jiritsu');
    const jiritsuAgency = json<{ agencies: Array<{ id: string }> }>(await jiritsu.get('/api/v1/me')).agencies[0]!.id;
    expect((await houkatsu.post(`/api/v1/consultations/${c.id}/consent`, { status: 'given', agencyScope: [jiritsuAgency], version: c.version })).statusCode).toBe(200);
    const read = await jiritsu.get(url(c.id));
    expect(read.statusCode).toBe(200);
    expect(json<Payload>(read).assessment?.answers).toEqual({ debt: true });
    expect((await jiritsu.put(url(c.id), { assessedOn: '2026-11-20', answers: { debt: false }, version: 1 })).statusCode).toBe(404);
    expect(await answersInDb(c.id)).toEqual({ answers: { debt: true }, version: 1 });
    expect((await houkatsu.get(url('00000000-0000-7000-8000-000000000000'))).statusCode).toBe(404);
  });

  it('audits reads and saves with their basis, without personal data', async () => {
    const events = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'outcome', 'basis', 'actor_login', 'details'])
      .where('target_id', '=', consultationId)
      .where('action', 'in', ['assessment.read', 'assessment.save'])
      .execute();
    const saves = events.filter((e) => e.action === 'assessment.save' && e.outcome === 'success');
    const reads = events.filter((e) => e.action === 'assessment.read' && e.outcome === 'success');
    expect(saves.length).toBe(3);
    expect(reads.length).toBeGreaterThanOrEqual(3);
    for (const e of [...saves, ...reads]) expect(e.basis).toMatch(/機関/);
    expect(JSON.stringify(events.map((e) => e.details))).not.toMatch(/腰痛|unemployed/);
    const deniedRead = await t.database.db.selectFrom('audit_event').select('outcome').where('action', '=', 'assessment.read').where('actor_login', '=', 'kodomo').executeTakeFirst();
    expect(deniedRead?.outcome).toBe('denied');
    expect(await t.database.db.selectFrom('audit_event').select('action').where('action', '=', 'assessment_question_set.publish').execute()).toHaveLength(1);
  });
});
