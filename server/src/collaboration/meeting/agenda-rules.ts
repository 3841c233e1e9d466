/**
 * Pure rule for putting a case on a meeting's agenda (DOMAIN.md §4). A type that requires consent
 * (重層的支援会議) takes only a case whose person consented to sharing with EVERY member agency; a
 * type that does not (支援会議, 社会福祉法106条の6) records its statutory basis instead.
 */
import { japanDate } from '../../platform/access/relationships.js';

/** The latest consent decision on one consultation about a current member of the case's household. */
export interface CandidateConsent {
  consentId: string;
  consultationId: string;
  status: 'given' | 'refused' | 'unknown' | 'withdrawn';
  /** null: every agency. */
  agencyScope: readonly string[] | null;
  /** Last valid day (YYYY-MM-DD, inclusive, Japan time); null: no end. */
  validUntil: string | null;
}

export interface AgendaType {
  name: string;
  legalBasis: string;
  consentRequired: boolean;
}

export type AgendaBasis =
  | { ok: true; basis: 'statutory'; legalBasis: string }
  | { ok: true; basis: 'consent'; consentId: string; consultationId: string }
  | { ok: false; message: string };

/** In force now (given, not expired) and covering each of the agencies. */
export function consentCoversAll(consent: CandidateConsent, agencyIds: readonly string[], now: Date): boolean {
  if (consent.status !== 'given') return false;
  if (consent.validUntil !== null) {
    const today = japanDate(now);
    if (today === undefined || today > consent.validUntil.slice(0, 10)) return false;
  }
  const scope = consent.agencyScope;
  return scope === null || agencyIds.every((id) => scope.includes(id));
}

export function consentRefusalMessage(typeName: string): string {
  return `本人同意がない（または同意の範囲に会議の参加機関が含まれない）ため、${typeName}の議題にできません。支援会議（社会福祉法第106条の6）で扱うか、同意を記録してください。`;
}

export function decideAgendaBasis(type: AgendaType, memberAgencyIds: readonly string[], consents: readonly CandidateConsent[], now: Date): AgendaBasis {
  if (!type.consentRequired) return { ok: true, basis: 'statutory', legalBasis: type.legalBasis };
  const covering = consents.find((c) => consentCoversAll(c, memberAgencyIds, now));
  if (covering) return { ok: true, basis: 'consent', consentId: covering.consentId, consultationId: covering.consultationId };
  return { ok: false, message: consentRefusalMessage(type.name) };
}
