/** Fixed fixtures of casework, 多機関協働 and アウトリーチ for the dashboard tests (rows inserted directly). */
import type { MeetingDecision, ProgressNoteKind, ReferralStatus } from '../platform/db/schema.js';
import { newId } from '../platform/db/ids.js';
import { Fixture } from './analytics.fixtures.js';

/** Midday in Japan on a day, as a timestamp. */
export const at = (day: string) => new Date(`${day}T12:00:00+09:00`);

export class CaseworkFixture extends Fixture {
  /** A household with the given persons as members from `joinedOn`. */
  async household(agencyId: string, personIds: string[], joinedOn = '2000-01-01'): Promise<string> {
    const id = newId();
    await this.db.insertInto('household').values({ municipality_id: this.mid, household_id: id, label: '検証世帯', registered_by_agency_id: agencyId }).execute();
    for (const personId of personIds) {
      await this.db.insertInto('household_membership').values({ municipality_id: this.mid, membership_id: newId(), household_id: id, person_id: personId, joined_on: joinedOn }).execute();
    }
    return id;
  }

  /** A membership that ended on `leftOn`. */
  async formerMember(householdId: string, personId: string, joinedOn: string, leftOn: string): Promise<void> {
    await this.db
      .insertInto('household_membership')
      .values({ municipality_id: this.mid, membership_id: newId(), household_id: householdId, person_id: personId, joined_on: joinedOn, left_on: leftOn })
      .execute();
  }

  async supportCase(householdId: string, leadAgencyId: string, openedOn: string, closedOn: string | null = null): Promise<string> {
    const id = newId();
    await this.db
      .insertInto('support_case')
      .values({
        municipality_id: this.mid,
        case_id: id,
        household_id: householdId,
        lead_agency_id: leadAgencyId,
        opened_on: openedOn,
        opened_by_user_id: this.base.userId,
        status: closedOn ? 'closed' : 'open',
        closed_on: closedOn,
        close_reason: closedOn ? '検証' : null,
      })
      .execute();
    return id;
  }

  async note(caseId: string, agencyId: string, occurredOn: string, kind: ProgressNoteKind = 'interview'): Promise<void> {
    await this.db
      .insertInto('progress_note')
      .values({ municipality_id: this.mid, progress_note_id: newId(), case_id: caseId, author_agency_id: agencyId, author_user_id: this.base.userId, occurred_on: occurredOn, kind, subject: '検証', body: '検証' })
      .execute();
  }

  async episode(caseId: string, requestedBy: string, requestedOn: string, o: { coordinator?: string; startedOn?: string; endedOn?: string } = {}): Promise<void> {
    const status = o.endedOn ? 'ended' : o.startedOn ? 'active' : 'requested';
    await this.db
      .insertInto('coordination_episode')
      .values({
        municipality_id: this.mid,
        episode_id: newId(),
        case_id: caseId,
        requested_by_agency_id: requestedBy,
        requested_by_user_id: this.base.userId,
        request_reason: '検証',
        requested_at: at(requestedOn),
        status: 'requested',
        coordinator_agency_id: o.coordinator ?? null,
        started_on: o.startedOn ?? null,
      })
      .execute();
    if (status !== 'requested') {
      await this.db
        .updateTable('coordination_episode')
        .set({ status, ended_on: o.endedOn ?? null, handover_lead_agency_id: o.endedOn ? requestedBy : null })
        .where('municipality_id', '=', this.mid)
        .where('case_id', '=', caseId)
        .execute();
    }
  }

  async meetingType(name: string): Promise<string> {
    const id = newId();
    await this.db
      .insertInto('meeting_type')
      .values({ municipality_id: this.mid, meeting_type_id: id, code: `fx-${id}`, name, legal_basis: '検証', convened_by: 'coordinator', consent_required: false, closed_to_public: true })
      .execute();
    return id;
  }

  /** A meeting with the given cases on its agenda. */
  async meeting(typeId: string, agencyId: string, day: string, caseIds: string[], decision: MeetingDecision | null = null): Promise<string> {
    const id = newId();
    await this.db
      .insertInto('meeting')
      .values({ municipality_id: this.mid, meeting_id: id, meeting_type_id: typeId, title: '検証会議', scheduled_at: at(day), convened_by_agency_id: agencyId, created_by_user_id: this.base.userId, status: 'closed' })
      .execute();
    for (const caseId of caseIds) {
      await this.db
        .insertInto('meeting_agenda_item')
        .values({ municipality_id: this.mid, agenda_item_id: newId(), meeting_id: id, case_id: caseId, basis: 'statutory', legal_basis: '検証', decision, added_by_user_id: this.base.userId })
        .execute();
    }
    return id;
  }

  /** A plan whose first version is made on `createdOn` (approved on `approvedOn`), closed or suspended on `outcomeOn`. */
  async plan(caseId: string, agencyId: string, createdOn: string, o: { approvedOn?: string; status?: 'closed' | 'suspended'; outcomeOn?: string } = {}): Promise<string> {
    const id = newId();
    await this.db
      .insertInto('support_plan')
      .values({ municipality_id: this.mid, plan_id: id, case_id: caseId, status: 'active', created_by_user_id: this.base.userId })
      .execute();
    await this.db
      .insertInto('support_plan_version')
      .values({
        municipality_id: this.mid,
        plan_id: id,
        version_no: 1,
        content: JSON.stringify({}),
        approved_on: o.approvedOn ?? null,
        created_by_user_id: this.base.userId,
        created_by_agency_id: agencyId,
        created_at: at(createdOn),
      })
      .execute();
    if (o.status) {
      await this.db.updateTable('support_plan').set({ status: o.status, outcome_on: o.outcomeOn ?? null, outcome_reason: '検証' }).where('municipality_id', '=', this.mid).where('plan_id', '=', id).execute();
    }
    return id;
  }

  async evaluation(planId: string, evaluatedOn: string): Promise<void> {
    await this.db
      .insertInto('support_plan_evaluation')
      .values({ municipality_id: this.mid, evaluation_id: newId(), plan_id: planId, version_no: 1, evaluated_on: evaluatedOn, goals: JSON.stringify([]), created_by_user_id: this.base.userId, created_at: at(evaluatedOn) })
      .execute();
  }

  async referral(from: string, to: string, householdId: string, requestedOn: string | null, status: ReferralStatus): Promise<void> {
    await this.db
      .insertInto('referral')
      .values({
        municipality_id: this.mid,
        referral_id: newId(),
        from_agency_id: from,
        to_agency_id: to,
        household_id: householdId,
        reason: '検証',
        urgency: 'normal',
        status,
        basis: 'legal',
        legal_basis: '検証',
        created_by_user_id: this.base.userId,
        requested_at: requestedOn ? at(requestedOn) : null,
      })
      .execute();
  }

  async lead(agencyId: string, areaId: string | null, openedOn: string, o: { closedOn?: string } = {}): Promise<string> {
    const id = newId();
    await this.db
      .insertInto('outreach_lead')
      .values({
        municipality_id: this.mid,
        lead_id: id,
        agency_id: agencyId,
        area_id: areaId,
        source: 'neighbour',
        person_description: '検証',
        concern: '検証',
        status: o.closedOn ? 'closed' : 'open',
        close_reason: o.closedOn ? 'no_need' : null,
        closed_on: o.closedOn ?? null,
        opened_on: openedOn,
        created_by_user_id: this.base.userId,
      })
      .execute();
    return id;
  }

  async attempt(leadId: string, agencyId: string, day: string): Promise<void> {
    await this.db
      .insertInto('contact_attempt')
      .values({ municipality_id: this.mid, attempt_id: newId(), lead_id: leadId, occurred_at: at(day), kind: 'visit', outcome: 'absent', agency_id: agencyId, recorded_by_user_id: this.base.userId })
      .execute();
  }
}
