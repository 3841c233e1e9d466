/**
 * The closed set of domain error codes, mapped to HTTP status and a Japanese message in one place.
 * Use cases throw AppError; the HTTP error handler turns it into { error: { code, message, requestId, details? } }.
 * A record the actor may not see is `not_found`, never `forbidden`, so existence does not leak.
 */
export const ERROR_CODES = {
  invalid: { status: 400, message: '入力内容に誤りがあります。' },
  unauthenticated: { status: 401, message: 'ログインしてください。' },
  invalid_credentials: { status: 401, message: 'ログイン名またはパスワードが正しくありません。' },
  totp_invalid: { status: 401, message: '確認コードが正しくありません。' },
  mfa_required: { status: 401, message: '二要素認証の確認コードを入力してください。' },
  account_locked: {
    status: 423,
    message: 'ログインの失敗が続いたため、しばらくログインできません。時間をおいて再度お試しください。',
  },
  csrf_failed: { status: 403, message: '画面の有効期限が切れました。再読み込みしてからやり直してください。' },
  forbidden: { status: 403, message: 'この操作を行う権限がありません。' },
  not_found: { status: 404, message: '対象が見つかりません。' },
  conflict: {
    status: 409,
    message: '他の人が先に更新しました。最新の内容を読み込んでからやり直してください。',
  },
  duplicate: { status: 409, message: '同じものがすでに登録されています。' },
  consent_required: { status: 422, message: '本人の同意がないため、この操作はできません。' },
  weak_password: {
    status: 422,
    message: 'パスワードは12文字以上で、推測されにくいものにしてください。',
  },
  production_forbidden: { status: 422, message: '本番環境ではこの操作はできません。' },
  payload_too_large: { status: 413, message: '送信された内容が大きすぎます。' },
  rate_limited: { status: 429, message: 'リクエストが多すぎます。しばらくしてから再度お試しください。' },
  internal: { status: 500, message: 'システムエラーが発生しました。時間をおいて再度お試しください。' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** An access-policy refusal to be audited after the use case's transaction rolls back. */
export interface DenialRecord {
  municipalityId: string;
  actorUserId: string | null;
  actorLogin: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  basis: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: Record<string, unknown>,
    message?: string,
    readonly denial?: DenialRecord,
  ) {
    super(message ?? ERROR_CODES[code].message);
    this.name = 'AppError';
  }
}
