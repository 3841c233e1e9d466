/**
 * 法令等の根拠 a referral may rely on instead of the person's consent (個人情報保護法69条: use or
 * provision outside the purpose only by law, consent or 相当の理由). Labels are what the audit log
 * and the screens show.
 */
export const LEGAL_BASES = {
  support_meeting_106_6: '社会福祉法第106条の6（支援会議）',
  appi_69_2: '個人情報保護法第69条第2項（相当の理由・本人の利益）',
  konkyu_9: '生活困窮者自立支援法第9条（支援会議）',
  child_25_2: '児童福祉法第25条の2（要保護児童対策地域協議会）',
} as const;
export type LegalBasisCode = keyof typeof LEGAL_BASES;
export const LEGAL_BASIS_CODES = Object.keys(LEGAL_BASES) as [LegalBasisCode, ...LegalBasisCode[]];

export function legalBasisLabel(code: string | null): string | null {
  return code !== null && Object.hasOwn(LEGAL_BASES, code) ? LEGAL_BASES[code as LegalBasisCode] : null;
}
