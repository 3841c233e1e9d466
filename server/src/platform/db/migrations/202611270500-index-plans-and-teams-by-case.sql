-- Every 支援プラン of a case, whatever its status: the dashboard's "days to first plan" and the case
-- page look plans up by case (support_plan_one_active covers only the active one).
CREATE INDEX support_plan_by_case ON support_plan (municipality_id, case_id);
-- The 支援チーム of a case (every member, current or not): access facts read it on every case,
-- household and person page; the partial unique index needs `agency_id IS NOT NULL` in the query.
CREATE INDEX support_team_by_case ON support_team_member (municipality_id, case_id);
