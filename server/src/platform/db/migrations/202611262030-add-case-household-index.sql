-- Cases by household in any status: 誰も担当していない相談 asks "was a case of this household closed
-- after the consultation came in?", and the case history of a household lists all its cases.
CREATE INDEX support_case_by_household ON support_case (municipality_id, household_id, status);
