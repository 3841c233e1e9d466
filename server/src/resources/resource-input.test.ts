import { describe, expect, it } from 'vitest';
import { SCHEDULE_MESSAGES } from './directory-rules.js';
import { ServiceInput, serviceProblems } from './resource-input.js';

const ORG = '0194f5a0-0000-7000-8000-000000000002';
const base = { organizationId: ORG, name: '就労体験「けやき工房」' };

describe('the staff form of a 地域資源', () => {
  it('fills defaults and tidies what was typed', () => {
    const input = ServiceInput.parse({ ...base, phone: '０９９－１００－０００８', schedules: [{ freq: 'WEEKLY', byday: 'tu, th', opensAt: '09:30:00', closesAt: '15:30' }] });
    expect(input).toMatchObject({ status: 'active', description: '', termIds: [], phone: '099-100-0008', minimumAge: null });
    expect(input.schedules[0]).toMatchObject({ byday: 'TU,TH', opensAt: '09:30', interval: 1 });
    expect(serviceProblems(input)).toEqual([]);
  });

  it('says in Japanese what is wrong with a field', () => {
    const r = ServiceInput.safeParse({ ...base, name: ' ', minimumAge: -1, capacity: 1.5, email: 'x', url: 'ftp://x', status: 'open' });
    expect(r.success).toBe(false);
    const byPath = new Map(r.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(byPath.get('name')).toBe('名称を入力してください。');
    expect(byPath.get('minimumAge')).toBe('年齢は0〜150の整数で入力してください。');
    expect(byPath.get('capacity')).toBe('人数は0以上の整数で入力してください。');
    expect(byPath.get('email')).toBe('メールアドレスの形が正しくありません。');
    expect(byPath.get('url')).toContain('http');
    expect(byPath.get('status')).toBe('状態を選んでください。');
  });

  it('checks rules across fields: age range, schedules, places, 圏域, duplicates', () => {
    const input = ServiceInput.parse({
      ...base,
      minimumAge: 65,
      maximumAge: 18,
      termIds: [ORG, ORG],
      schedules: [{ freq: 'WEEKLY', byday: 'MO', opensAt: '15:00', closesAt: '10:00' }],
      locations: [{ postalCode: '12345' }],
      serviceAreas: [{}],
    });
    expect(serviceProblems(input)).toEqual([
      { path: 'maximumAge', message: '対象年齢の上限は下限以上にしてください。' },
      { path: 'schedules.0.closesAt', message: SCHEDULE_MESSAGES.closesAfterOpens },
      { path: 'locations.0.postalCode', message: '郵便番号は 123-4567 の形で入力してください。' },
      { path: 'locations.0.address', message: '場所の名称か住所を入力してください。' },
      { path: 'serviceAreas.0.name', message: '提供地域は圏域を選ぶか名称を入力してください。' },
      { path: 'termIds', message: '同じ分類が重複しています。' },
    ]);
  });
});
