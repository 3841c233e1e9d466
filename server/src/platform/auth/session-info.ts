import type { SessionStage } from '../db/schema.js';

/** The caller's session as the auth use cases need it (the HTTP layer resolves it from the cookie). */
export interface SessionInfo {
  municipalityId: string;
  sessionId: string;
  userId: string;
  loginName: string;
  stage: SessionStage;
}
