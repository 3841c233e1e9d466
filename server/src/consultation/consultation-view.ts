import type { consentHistory, loadConsultation } from './consultation.repo.js';

type Row = NonNullable<Awaited<ReturnType<typeof loadConsultation>>>;
type ConsentRow = Awaited<ReturnType<typeof consentHistory>>[number];

const consentView = (c: ConsentRow) => ({
  status: c.status,
  recordedAt: new Date(c.recorded_at).toISOString(),
  recordedBy: c.display_name,
  agencyScope: c.agency_scope,
  dataScope: c.data_scope,
  validUntil: c.valid_until,
});

const personName = (family: string | null, given: string | null) => (family ? [family, given].filter(Boolean).join(' ') : null);

/** Presenter: one 相談受付票 for an actor the policy allowed to read it. */
export function toConsultationView(row: Row, consents: ConsentRow[]) {
  const [current] = consents;
  return {
    id: row.consultation_id,
    receivedOn: row.received_on,
    receivingAgencyId: row.receiving_agency_id,
    receivingAgencyName: row.agency_name,
    receivedBy: { loginName: row.login_name, displayName: row.display_name },
    route: row.route,
    visitor: { kind: row.visitor_kind, relationship: row.visitor_relationship, name: row.visitor_name },
    personId: row.person_id,
    personName: personName(row.family_name, row.given_name),
    anonymous: row.anonymous,
    categories: row.categories,
    primaryCategory: row.primary_category,
    summary: row.summary,
    details: row.details,
    consent: current ? consentView(current) : null,
    consentHistory: consents.map(consentView),
    version: row.version,
  };
}
export type ConsultationView = ReturnType<typeof toConsultationView>;
