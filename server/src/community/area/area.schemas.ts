/** Zod shapes of the 圏域 API (validation and OpenAPI). */
import { z } from 'zod';

export const AREA_KINDS = ['daily_life', 'district', 'other'] as const;

export const AreaBody = z
  .object({
    code: z.string().trim().regex(/^[A-Za-z0-9_-]{1,32}$/, 'コードは半角英数字・ハイフン・下線（32文字まで）で入力してください。'),
    name: z.string().trim().min(1).max(100),
    kind: z.enum(AREA_KINDS),
    parentId: z.uuid().nullish(),
    responsibleAgencyId: z.uuid().nullish(),
    sortOrder: z.number().int().min(0).max(9999).default(0),
  })
  .strict();
export const AreaUpdateBody = AreaBody.extend({ version: z.number().int().min(1) }).strict();

export const AreaView = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(AREA_KINDS),
  parentId: z.string().nullable(),
  parentName: z.string().nullable(),
  responsibleAgencyId: z.string().nullable(),
  responsibleAgencyName: z.string().nullable(),
  sortOrder: z.number().int(),
  version: z.number().int(),
});
export const AreaList = z.object({ items: z.array(AreaView) });
