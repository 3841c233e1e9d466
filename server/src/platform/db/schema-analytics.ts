/** Analytics tables (issue 6). The owner lists its tables here; schema.ts's Database extends this. */
export type AnalyticsTables = Record<never, never>;
